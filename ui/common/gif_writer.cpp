#include "ui/common/gif_writer.h"

#include <gif_lib.h>

#include <array>

namespace optiscope::ui {

GifWriter::GifWriter(const QString& path, QSize size, const QVector<QRgb>& palette,
                     int delayCentiseconds)
    : m_file(path), m_size(size), m_delay(delayCentiseconds) {
  if (size.isEmpty() || palette.isEmpty() || palette.size() > 256) {
    fail(QStringLiteral("a GIF needs a size and a palette of 1 to 256 colors"));
    return;
  }
  if (!m_file.open(QIODevice::WriteOnly)) {
    fail(QStringLiteral("cannot write %1: %2").arg(path, m_file.errorString()));
    return;
  }
  int code = 0;
  m_gif = EGifOpen(this, &GifWriter::write, &code);
  if (!m_gif) {
    fail(QStringLiteral("cannot start the GIF: %1").arg(QString::fromUtf8(GifErrorString(code))));
    return;
  }
  EGifSetGifVersion(m_gif, true);  // GIF89a: frame delays and looping
  // A color table has a power-of-two size: the palette, then black.
  std::array<GifColorType, 256> colors{};
  for (int i = 0; i < palette.size(); ++i)
    colors[static_cast<std::size_t>(i)] = {static_cast<GifByteType>(qRed(palette[i])),
                                           static_cast<GifByteType>(qGreen(palette[i])),
                                           static_cast<GifByteType>(qBlue(palette[i]))};
  ColorMapObject* map = GifMakeMapObject(256, colors.data());
  const bool described =
      map && EGifPutScreenDesc(m_gif, size.width(), size.height(), 8, 0, map) == GIF_OK;
  GifFreeMapObject(map);
  // The Netscape extension: loop forever.
  static const GifByteType kNetscape[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
  static const GifByteType kLoopForever[] = {1, 0, 0};
  if (!described || EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
      EGifPutExtensionBlock(m_gif, sizeof kNetscape, kNetscape) != GIF_OK ||
      EGifPutExtensionBlock(m_gif, sizeof kLoopForever, kLoopForever) != GIF_OK ||
      EGifPutExtensionTrailer(m_gif) != GIF_OK)
    fail(QStringLiteral("cannot write the GIF's header"));
}

GifWriter::~GifWriter() {
  if (m_gif) EGifCloseFile(m_gif, nullptr);
  // An uncommitted QSaveFile removes its temporary file: nothing at the path.
}

void GifWriter::fail(const QString& what) {
  if (m_error.isEmpty()) m_error = what;
}

int GifWriter::write(GifFileType* gif, const unsigned char* bytes, int length) {
  auto* self = static_cast<GifWriter*>(gif->UserData);
  return static_cast<int>(self->m_file.write(reinterpret_cast<const char*>(bytes), length));
}

bool GifWriter::addFrame(const std::vector<std::uint8_t>& indices) {
  if (!m_error.isEmpty()) return false;
  if (indices.size() !=
      static_cast<std::size_t>(m_size.width()) * static_cast<std::size_t>(m_size.height())) {
    fail(QStringLiteral("a frame of the wrong size"));
    return false;
  }
  GraphicsControlBlock control{};
  control.DisposalMode = DISPOSE_DO_NOT;
  control.UserInputFlag = false;
  control.DelayTime = m_delay;
  control.TransparentColor = NO_TRANSPARENT_COLOR;
  GifByteType extension[4];
  const auto length = static_cast<int>(EGifGCBToExtension(&control, extension));
  if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, length, extension) != GIF_OK ||
      EGifPutImageDesc(m_gif, 0, 0, m_size.width(), m_size.height(), false, nullptr) != GIF_OK) {
    fail(QStringLiteral("cannot write a frame"));
    return false;
  }
  std::vector<GifPixelType> row(static_cast<std::size_t>(m_size.width()));
  for (int y = 0; y < m_size.height(); ++y) {
    const auto begin = indices.begin() + static_cast<std::ptrdiff_t>(y) * m_size.width();
    std::copy(begin, begin + m_size.width(), row.begin());
    if (EGifPutLine(m_gif, row.data(), m_size.width()) != GIF_OK) {
      fail(QStringLiteral("cannot write a frame"));
      return false;
    }
  }
  return true;
}

QString GifWriter::finish() {
  if (m_gif) {
    int code = 0;
    const bool closed = EGifCloseFile(m_gif, &code) == GIF_OK;
    m_gif = nullptr;
    if (!closed)
      fail(QStringLiteral("cannot complete the GIF: %1")
               .arg(QString::fromUtf8(GifErrorString(code))));
  }
  if (m_error.isEmpty() && !m_file.commit())
    fail(QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
  return m_error;
}

}  // namespace optiscope::ui

#pragma once

#include <QRgb>
#include <QSaveFile>
#include <QSize>
#include <QString>
#include <QVector>
#include <cstdint>
#include <vector>

struct GifFileType;

namespace optiscope::ui {

// An animated GIF, written with giflib: one global palette (SharedPalette), frames of palette
// indices, a fixed delay between frames, looping forever. The file is written under a
// temporary name and appears at its path only when finish() succeeds; a writer destroyed
// before that (a cancelled or failed export) leaves no file. The same frames give the same
// bytes.
class GifWriter {
 public:
  GifWriter(const QString& path, QSize size, const QVector<QRgb>& palette, int delayCentiseconds);
  ~GifWriter();
  GifWriter(const GifWriter&) = delete;
  GifWriter& operator=(const GifWriter&) = delete;

  // Empty while all is well, else what went wrong.
  const QString& error() const { return m_error; }
  // One frame: width x height palette indices, row by row. False (see error()) on failure.
  bool addFrame(const std::vector<std::uint8_t>& indices);
  // Completes the file and puts it in place. Returns error(), empty on success.
  QString finish();

 private:
  void fail(const QString& what);
  static int write(GifFileType* gif, const unsigned char* bytes, int length);

  QSaveFile m_file;
  QSize m_size;
  int m_delay;
  GifFileType* m_gif = nullptr;
  QString m_error;
};

}  // namespace optiscope::ui

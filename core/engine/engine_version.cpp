// The engine library (runs on a background thread) is built in core/engine; this translation
// unit gives the library a symbol until the first engine sources land.
namespace optiscope {
int engineInterfaceVersion() { return 1; }
}  // namespace optiscope

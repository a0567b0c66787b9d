#include <iostream>

int main() {
  std::cerr << "optiscope-cli: not built yet\n";
  return 2;
}

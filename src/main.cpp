// backcare: a routine timer for postpartum back care. Everything lives in the library;
// app_main parses the command line and turns every failure into a documented exit code.
#include "app.hpp"

int main(int argc, char** argv) {
  return backcare::app_main(argc, argv);
}

// The system's libpng, for the simplified API (png_image_*), which reports errors through
// png_image.message instead of longjmp, so Swift can call it safely.
#include <png.h>

// An image as the pipeline decoded it, ready to embed: plain data that travels from the image
// service through the markup and the frame to the PDF writer, which never reads an image file
// or hands one to a decoder of its own (image/decode_image.h says why).
#pragma once

#include <string>
#include <vector>

namespace vanban {

struct ImageData {
  enum class Encoding {
    samples,  // decoded pixels (a PNG): 8 bits per component, rows top to bottom
    jpeg,     // a JPEG that decoded whole, embedded as its own bytes (a DCT stream)
  };
  Encoding encoding = Encoding::samples;
  int width = 0, height = 0;
  int components = 3;                  // 1 grey, 3 RGB (4 CMYK for a JPEG)
  std::vector<unsigned char> samples;  // samples: width × height × components
  std::vector<unsigned char> alpha;    // samples: width × height opacities, or empty when opaque
  std::string jpeg;                    // jpeg: the file's bytes
};

}  // namespace vanban

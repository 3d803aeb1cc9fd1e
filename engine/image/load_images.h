// The document's images, read and decoded before layout: an emblem, signature images, seals
// and images in the body, each named in the markup by its path in the data's folder.
//
// Data is untrusted (a web form's, a spreadsheet from outside), so an image is only ever read
// through the document's files (vanban/resources.h), which are the data file's folder: a path
// that is absolute, or leads out through ".." or a symbolic link, is refused, and data cannot
// make vanban read (and print) any other file on the machine.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <vanban/resources.h>

#include "base/image_data.h"
#include "base/limits.h"
#include "markup/doc_tree.h"

namespace vanban::image {

// Images decoded once for every document an engine makes: a batch's emblem is decoded once,
// not once per certificate, and a service's offices send the same seal all day. An image is
// known by its bytes, so a file changed between two documents is decoded again. Shared by
// threads; it holds at most max_bytes of files and their decoded samples, and forgets them
// all when it would hold more.
class ImageStore {
 public:
  explicit ImageStore(std::size_t max_bytes = std::size_t{256} << 20) : max_bytes_(max_bytes) {}

  // The decoded image of a file's bytes; see decode_image for the errors.
  std::shared_ptr<const ImageData> decode(std::string bytes, const std::string& name, const Limits& limits,
                                          const SourceLocation& where);

 private:
  struct Entry {
    std::string bytes;
    std::shared_ptr<const ImageData> image;
  };
  std::mutex lock_;
  std::multimap<std::size_t, Entry> images_;  // by the hash of the bytes
  std::size_t held_bytes_ = 0;
  std::size_t max_bytes_;
};

// Reads and decodes every image the document names, from files. Errors at the image's place
// in the markup: "image.path-escapes", "image.not-found", and those of decode_image.
void load_images(markup::DocTree& doc, const Resources& files, const Limits& limits, ImageStore& store);

}  // namespace vanban::image

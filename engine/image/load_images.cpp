#include "image/load_images.h"

#include <functional>

#include "image/decode_image.h"

namespace vanban::image {

std::shared_ptr<const ImageData> ImageStore::decode(std::string bytes, const std::string& name, const Limits& limits,
                                                    const SourceLocation& where) {
  const std::size_t hash = std::hash<std::string>()(bytes);
  {
    const std::lock_guard guard(lock_);
    for (auto [at, end] = images_.equal_range(hash); at != end; ++at) {
      if (at->second.bytes == bytes) return at->second.image;
    }
  }
  // Decoded outside the lock: two threads that decode the same image both keep a copy once.
  auto decoded = decode_image(bytes, name, limits.max_image_pixels, where);
  const std::lock_guard guard(lock_);
  if (held_bytes_ + bytes.size() > max_bytes_) {
    images_.clear();
    held_bytes_ = 0;
  }
  if (bytes.size() <= max_bytes_) {
    held_bytes_ += bytes.size();
    images_.emplace(hash, Entry{std::move(bytes), decoded});
  }
  return decoded;
}

namespace {

void load_image(markup::Image& image, const Resources& files, const Limits& limits, ImageStore& store) {
  if (image.source.empty()) return;
  std::optional<std::string> bytes;
  try {
    bytes = files.read(image.source, limits.max_image_bytes);
  } catch (const Error& e) {
    if (e.diagnostic().code == "resource.outside") {
      fail("image.path-escapes", "the image '" + image.source + "' is outside the data file's folder", image.where,
           {"copy the image into the data file's folder (or a folder inside it) and give its path from there"});
    }
    Diagnostic moved = e.diagnostic();
    moved.where = image.where;
    throw Error(std::move(moved));
  }
  if (!bytes) fail("image.not-found", "no image file " + files.describe(image.source), image.where);
  image.data = store.decode(std::move(*bytes), files.describe(image.source), limits, image.where);
  image.pixel_width = image.data->width;
  image.pixel_height = image.data->height;
}

void load_block_images(std::vector<markup::Block>& blocks, const Resources& files, const Limits& limits, ImageStore& store) {
  for (auto& block : blocks) {
    if (block.kind == markup::BlockKind::image) load_image(block.image, files, limits, store);
    load_block_images(block.children, files, limits, store);
  }
}

}  // namespace

void load_images(markup::DocTree& doc, const Resources& files, const Limits& limits, ImageStore& store) {
  load_block_images(doc.body, files, limits, store);
  load_image(doc.header.emblem, files, limits, store);
  for (auto& appendix : doc.appendices) {
    load_block_images(appendix.blocks, files, limits, store);
    if (appendix.header) load_image(appendix.header->emblem, files, limits, store);
  }
  for (auto& signature : doc.signatures) {
    load_image(signature.signature_image, files, limits, store);
    load_image(signature.seal_image, files, limits, store);
  }
}

}  // namespace vanban::image

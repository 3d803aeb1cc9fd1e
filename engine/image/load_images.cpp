#include "image/load_images.h"

#include <cstdint>
#include <functional>

#include "image/decode_image.h"

namespace vanban::image {

std::shared_ptr<const ImageData> ImageStore::decode(std::string bytes, const std::string& name, const Limits& limits,
                                                    const SourceLocation& where) {
  const std::size_t hash = std::hash<std::string>()(bytes);
  {
    const std::lock_guard guard(lock_);
    for (auto [at, end] = images_.equal_range(hash); at != end; ++at) {
      // Decoded under another request's limits, perhaps larger: one over this request's is
      // decoded again below, to be refused as decode_image refuses it.
      const ImageData& image = *at->second.image;
      const auto pixels = static_cast<std::uint64_t>(image.width) * static_cast<std::uint64_t>(image.height);
      if (at->second.bytes == bytes && pixels <= limits.max_image_pixels) return at->second.image;
    }
  }
  // Decoded outside the lock: two threads that decode the same image both keep a copy once.
  auto decoded = decode_image(bytes, name, limits.max_image_pixels, where);
  // What an entry holds is its file and its decoded samples, which may be a hundred times
  // the file (a plain PNG of 50 megapixels is a few kilobytes, decoded 200 MB).
  const std::size_t size = bytes.size() + decoded->samples.size() + decoded->alpha.size() + decoded->jpeg.size();
  const std::lock_guard guard(lock_);
  if (held_bytes_ + size > max_bytes_) {
    images_.clear();
    held_bytes_ = 0;
  }
  if (size <= max_bytes_) {
    held_bytes_ += size;
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
      fail_with("image.path-escapes", "the image '{}' is outside the data file's folder", {image.source}, image.where,
           {"copy the image into the data file's folder (or a folder inside it) and give its path from there"});
    }
    Diagnostic moved = e.diagnostic();
    moved.where = image.where;
    throw Error(std::move(moved));
  }
  if (!bytes) fail_with("image.not-found", "no image file {}", {files.describe(image.source)}, image.where);
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

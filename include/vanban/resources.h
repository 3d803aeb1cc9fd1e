// Resources: where vanban reads every file it uses.
//
// The engine opens no file by itself. Templates and their partials, template declarations,
// fonts and a document's images are read through a Resources object, each confined to its
// root: a path is relative, with '/' between its parts, and one that is absolute, climbs out
// with "..", or leads out of the root through a symbolic link is refused. So data from a web
// form cannot make a service read (and print) any other file on its machine, and tests and
// fuzzers can run the whole engine from memory.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

class Resources {
 public:
  virtual ~Resources() = default;

  // Returns the bytes of the file at path, or nullopt when there is no file there. Throws
  // vanban::Error "resource.outside" for a path that is not inside the root, and
  // "limit.input-size" for a file larger than max_bytes (checked before it is read).
  virtual std::optional<std::string> read(std::string_view path, std::size_t max_bytes) const = 0;

  // Returns the names of the entries (files and folders) of a folder inside the root, sorted;
  // "" is the root itself. Empty when there is no such folder.
  virtual std::vector<std::string> list(std::string_view folder) const = 0;

  // Names a path for messages: the file's path on disk, or "memory:PATH".
  virtual std::string describe(std::string_view path) const = 0;
};

// Files in a folder of the file system, and in the folders inside it.
std::shared_ptr<const Resources> folder_resources(std::string root);

// Files held in memory, by path ("templates/ke-hoach/main.mustache" style, '/' between parts):
// for tests, fuzzers, and programs that keep their templates in a database.
class MemoryResources final : public Resources {
 public:
  // Adds a file, or replaces the one at that path.
  void add(std::string path, std::string bytes);

  std::optional<std::string> read(std::string_view path, std::size_t max_bytes) const override;
  std::vector<std::string> list(std::string_view folder) const override;
  std::string describe(std::string_view path) const override;

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

// Returns the resources of a folder inside others: read("x") reads "FOLDER/x" of base.
std::shared_ptr<const Resources> sub_resources(std::shared_ptr<const Resources> base, std::string folder);

}  // namespace vanban

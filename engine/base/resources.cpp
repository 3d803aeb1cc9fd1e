#include <vanban/resources.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/diagnostics.h"
#include "base/files.h"
#include "base/limits.h"

namespace vanban {

namespace fs = std::filesystem;

namespace {

// The parts of a path inside a root: "a/./b" is a, b. Refuses a path that is empty, absolute
// (also "C:…" and "\\server"), or that holds "..": inside means inside by its words too, so a
// root's own folder names never decide what a path may reach. A backslash separates parts, as
// it does on Windows, so "..\\x" climbs out there and is refused here.
std::vector<std::string> inside_parts(std::string_view path, const std::string& root_name) {
  const auto outside = [&] {
    fail_with("resource.outside", "'{}' is not a path inside {}", {std::string(path), root_name}, {},
              {"give a path from inside the folder, without \"..\" and not starting with \"/\""});
  };
  if (path.empty() || path.front() == '/' || path.front() == '\\' || (path.size() > 1 && path[1] == ':')) outside();
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from <= path.size()) {
    const std::size_t end = std::min(path.find_first_of("/\\", from), path.size());
    const std::string_view part = path.substr(from, end - from);
    if (part == "..") outside();
    if (!part.empty() && part != ".") parts.emplace_back(part);
    from = end + 1;
  }
  if (parts.empty()) outside();
  return parts;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

class FolderResources final : public Resources {
 public:
  explicit FolderResources(std::string root) : root_(root.empty() ? "." : std::move(root)) {
    std::error_code error;
    canonical_root_ = fs::weakly_canonical(root_, error);
    if (error) canonical_root_ = fs::absolute(root_, error);
  }

  std::optional<std::string> read(std::string_view path, std::size_t max_bytes) const override {
    const fs::path file = located(path);
    std::error_code error;
    if (!fs::is_regular_file(file, error)) return std::nullopt;
    return read_file(file.string(), max_bytes);
  }

  std::vector<std::string> list(std::string_view folder) const override {
    const fs::path where = folder.empty() ? root_ : located(folder);
    std::vector<std::string> names;
    std::error_code error;
    if (!fs::is_directory(where, error)) return names;
    for (const auto& entry : fs::directory_iterator(where, error)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  std::string describe(std::string_view path) const override {
    return (root_ / fs::path(std::string(path))).lexically_normal().string();
  }

 private:
  // The file a path names, once it is known to be inside the root by its words and, through
  // any symbolic link on the way, on disk.
  fs::path located(std::string_view path) const {
    const fs::path file = root_ / joined(inside_parts(path, root_.string()));
    std::error_code error;
    const fs::path resolved = fs::weakly_canonical(file, error);
    const auto [end, ignored] = std::mismatch(canonical_root_.begin(), canonical_root_.end(), resolved.begin(), resolved.end());
    if (error || end != canonical_root_.end()) {
      fail_with("resource.outside", "'{}' leads out of {} through a symbolic link", {std::string(path), root_.string()}, {},
                {"copy the file into the folder instead of linking to it"});
    }
    return file;
  }

  fs::path root_;
  fs::path canonical_root_;
};

class SubResources final : public Resources {
 public:
  SubResources(std::shared_ptr<const Resources> base, std::string folder) : base_(std::move(base)), folder_(std::move(folder)) {}

  std::optional<std::string> read(std::string_view path, std::size_t max_bytes) const override {
    return base_->read(inside(path), max_bytes);
  }
  std::vector<std::string> list(std::string_view folder) const override {
    return base_->list(folder.empty() ? folder_ : inside(folder));
  }
  std::string describe(std::string_view path) const override { return base_->describe(folder_ + "/" + std::string(path)); }

 private:
  std::string inside(std::string_view path) const { return folder_ + "/" + joined(inside_parts(path, describe(""))); }

  std::shared_ptr<const Resources> base_;
  std::string folder_;
};

}  // namespace

std::shared_ptr<const Resources> folder_resources(std::string root) { return std::make_shared<FolderResources>(std::move(root)); }

std::shared_ptr<const Resources> sub_resources(std::shared_ptr<const Resources> base, std::string folder) {
  return std::make_shared<SubResources>(std::move(base), joined(inside_parts(folder, "the resources")));
}

void MemoryResources::add(std::string path, std::string bytes) {
  files_[joined(inside_parts(path, "memory"))] = std::move(bytes);
}

std::optional<std::string> MemoryResources::read(std::string_view path, std::size_t max_bytes) const {
  const std::string key = joined(inside_parts(path, "memory"));
  const auto found = files_.find(key);
  if (found == files_.end()) return std::nullopt;
  if (found->second.size() > max_bytes) fail_input_size(describe(key), found->second.size(), max_bytes);
  return found->second;
}

std::vector<std::string> MemoryResources::list(std::string_view folder) const {
  const std::string prefix = folder.empty() ? std::string() : joined(inside_parts(folder, "memory")) + "/";
  std::set<std::string> names;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    const std::string rest = it->first.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  }
  return {names.begin(), names.end()};
}

std::string MemoryResources::describe(std::string_view path) const { return "memory:" + std::string(path); }

}  // namespace vanban

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "yaml/Node.h"

namespace folio::yaml {
namespace {

namespace fs = std::filesystem;

fs::path scratchDir() {
  fs::path dir = fs::path(::testing::TempDir()) / ("folio_yaml_load_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

TEST(YamlLoad, ReadsAFile) {
  fs::path file = scratchDir() / "ok.yaml";
  std::ofstream(file) << "title: Hello\n";
  Diagnostics diags;
  auto root = load(file.string(), Limits{}, diags);
  ASSERT_TRUE(root) << diags.format();
  EXPECT_EQ(root->find("title")->scalar, "Hello");
  EXPECT_EQ(root->find("title")->pos.file, file.string());
}

TEST(YamlLoad, MissingFile) {
  Diagnostics diags;
  auto root = load("/nonexistent/folio/content.yaml", Limits{}, diags);
  EXPECT_FALSE(root);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(
      diags.all()[0].format(),
      "/nonexistent/folio/content.yaml: error: cannot read '/nonexistent/folio/content.yaml': No such file "
      "or directory");
}

TEST(YamlLoad, Directory) {
  Diagnostics diags;
  auto root = load(scratchDir().string(), Limits{}, diags);
  EXPECT_FALSE(root);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_NE(diags.all()[0].message.find("Is a directory; expected a YAML file"), std::string::npos)
      << diags.format();
}

TEST(YamlLoad, TooLargeFileIsNotReadWhole) {
  fs::path file = scratchDir() / "big.yaml";
  std::ofstream(file) << std::string(4096, '#') << "\n";
  Limits limits;
  limits.maxInputBytes = 100;
  Diagnostics diags;
  EXPECT_FALSE(load(file.string(), limits, diags));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_NE(diags.all()[0].message.find("the file is too large"), std::string::npos);
}

TEST(YamlLoad, BinaryFile) {
  fs::path file = scratchDir() / "image.png";
  std::ofstream(file, std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  Diagnostics diags;
  EXPECT_FALSE(load(file.string(), Limits{}, diags));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_NE(diags.all()[0].message.find("binary file"), std::string::npos) << diags.format();
}

}  // namespace
}  // namespace folio::yaml

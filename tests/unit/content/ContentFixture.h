#pragma once
// Writes content YAML into a scratch directory and builds it, so tests see
// the same paths and positions a user would.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "content/Document.h"

namespace folio::content {

class ContentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    // Per process and per test: ctest runs tests in parallel, perhaps from
    // several build directories at once.
    m_dir = std::filesystem::path(::testing::TempDir()) / ("folio_content_" + std::to_string(::getpid())) /
            (std::string(info->test_suite_name()) + "." + info->name());
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }

  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }

  std::filesystem::path dir() const { return m_dir; }

  void writeFile(const std::string& relative, const std::string& text) {
    std::filesystem::path p = m_dir / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

  // Builds `yaml` as "content.yaml" in the scratch directory.
  std::optional<Document> build(const std::string& yaml, const Options& options = {}) {
    writeFile("content.yaml", yaml);
    m_diags = Diagnostics();
    return loadDocument(path(), yaml::Limits{}, options, m_diags);
  }

  std::string path() const { return (m_dir / "content.yaml").string(); }

  // Diagnostics with the scratch path shortened to "content.yaml".
  std::string diagnostics() const {
    std::string out = m_diags.format();
    std::string p = path();
    for (size_t at; (at = out.find(p)) != std::string::npos;) out.replace(at, p.size(), "content.yaml");
    return out;
  }

  // Builds and expects exactly the given diagnostics (one per line).
  void expectDiagnostics(const std::string& yaml, const std::string& expected) {
    build(yaml);
    EXPECT_EQ(diagnostics(), expected);
  }

  Diagnostics m_diags;

 private:
  std::filesystem::path m_dir;
};

}  // namespace folio::content

#include <filesystem>

#include "ContentFixture.h"

namespace folio::content {
namespace {

namespace fs = std::filesystem;

class ContentImages : public ContentTest {};

TEST_F(ContentImages, RelativePathsResolveAgainstTheContentFile) {
  writeFile("img/a.png", "x");
  writeFile("img/b.JPG", "x");
  writeFile("c.pdf", "x");
  auto doc = build("body:\n  - image: img/a.png\n  - image: ./img/../img/b.JPG\n  - image: c.pdf\n");
  ASSERT_TRUE(doc) << diagnostics();
  EXPECT_EQ(std::get<Image>(doc->body[0]).path, (dir() / "img/a.png").string());
  EXPECT_EQ(std::get<Image>(doc->body[1]).path, (dir() / "img/b.JPG").string());
  EXPECT_EQ(std::get<Image>(doc->body[2]).path, (dir() / "c.pdf").string());
}

TEST_F(ContentImages, Missing) {
  expectDiagnostics("body:\n  - image: img/none.png\n",
                    "content.yaml:2:12: error: image file 'img/none.png' not found (looked for '" +
                        (dir() / "img/none.png").string() +
                        "'); expected a path relative to the content file\n");
}

TEST_F(ContentImages, UnsupportedFormatUrlDirectory) {
  writeFile("d.png/x", "x");
  expectDiagnostics(
      "body:\n  - image: logo.gif\n  - image: https://example.org/a.png\n  - image: d.png\n  - image:\n",
      "content.yaml:2:12: error: image 'logo.gif' is not a supported format; expected a PNG, JPEG or "
      "PDF file (.png, .jpg, .jpeg, .pdf)\n"
      "content.yaml:3:12: error: image 'https://example.org/a.png' is a URL; expected the path of a "
      "local file, relative to the content file\n"
      "content.yaml:4:12: error: image 'd.png' is a directory; expected a PNG, JPEG or PDF file\n"
      "content.yaml:5:5: error: 'image' is empty; expected the path of a PNG, JPEG or PDF file\n");
}

TEST_F(ContentImages, DotDotCannotLeaveTheTree) {
  writeFile("sub/content.yaml", "");
  writeFile("secret.png", "x");
  Diagnostics diags;
  std::string file = (dir() / "sub/content.yaml").string();
  std::ofstream(file) << "body:\n  - image: ../secret.png\n";
  EXPECT_FALSE(loadDocument(file, yaml::Limits{}, diags));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].message,
            "image '../secret.png' is outside the content file's directory; expected a file "
            "in or below '" +
                (dir() / "sub").string() + "'");
}

TEST_F(ContentImages, SymlinksCannotLeaveTheTree) {
  writeFile("outside/secret.png", "x");
  writeFile("doc/content.yaml", "body:\n  - image: link.png\n");
  fs::create_symlink(dir() / "outside/secret.png", dir() / "doc/link.png");
  Diagnostics diags;
  EXPECT_FALSE(loadDocument((dir() / "doc/content.yaml").string(), yaml::Limits{}, diags));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].message,
            "image 'link.png' is outside the content file's directory through a symlink to '" +
                fs::canonical(dir() / "outside/secret.png").string() + "'; expected a file in or below '" +
                (dir() / "doc").string() + "'");
}

TEST_F(ContentImages, SymlinksInsideTheTreeAreFine) {
  writeFile("real/a.png", "x");
  fs::create_symlink(dir() / "real/a.png", dir() / "alias.png");
  EXPECT_TRUE(build("body:\n  - image: alias.png\n")) << diagnostics();
}

TEST_F(ContentImages, AllowedDirectories) {
  writeFile("shared/logo.png", "x");
  writeFile("doc/content.yaml", "body:\n  - image: ../shared/logo.png\n");
  std::string file = (dir() / "doc/content.yaml").string();
  Diagnostics refused;
  EXPECT_FALSE(loadDocument(file, yaml::Limits{}, refused));
  Options options;
  options.allowedDirs.push_back((dir() / "shared").string());
  Diagnostics diags;
  auto doc = loadDocument(file, yaml::Limits{}, options, diags);
  ASSERT_TRUE(doc) << diags.format();
  EXPECT_EQ(std::get<Image>(doc->body[0]).path, (dir() / "shared/logo.png").string());
}

TEST_F(ContentImages, AbsolutePathsAreOutsideUnlessAllowed) {
  writeFile("elsewhere/x.png", "x");
  std::string abs = (dir() / "elsewhere/x.png").string();
  writeFile("doc/content.yaml", "body:\n  - image: " + abs + "\n");
  Diagnostics diags;
  EXPECT_FALSE(loadDocument((dir() / "doc/content.yaml").string(), yaml::Limits{}, diags));
  Options options;
  options.allowedDirs.push_back((dir() / "elsewhere").string());
  Diagnostics ok;
  EXPECT_TRUE(loadDocument((dir() / "doc/content.yaml").string(), yaml::Limits{}, options, ok))
      << ok.format();
}

}  // namespace
}  // namespace folio::content

#include "style/Words.h"

#include <array>

#include "style/Layout.h"

namespace folio::style {

namespace {

constexpr size_t kWordCount = 12;
struct LanguageWords {
  const char* language;
  std::array<const char*, kWordCount> words;  // in the order of templateWordNames()
};

// page, page-of, telephone, fax, email, web, our-reference, your-reference, date, number (of a note),
// enclosures, copy-to (the headings of those letter parts)
constexpr LanguageWords kTable[] = {
    {"en", {"Page {page}", "Page {page} of {pages}", "Telephone", "Fax", "Email", "Web", "Our reference",
            "Your reference", "Date", "No.", "Enclosures", "Copy to"}},
    {"fr", {"Page {page}", "Page {page} sur {pages}", "Téléphone", "Télécopie", "Courriel", "Site web",
            "Notre référence", "Votre référence", "Date", "N°", "Pièces jointes", "Copie à"}},
    {"es", {"Página {page}", "Página {page} de {pages}", "Teléfono", "Fax", "Correo electrónico", "Web",
            "Nuestra referencia", "Su referencia", "Fecha", "N.º", "Anexos", "Copia a"}},
    {"ru", {"Страница {page}", "Страница {page} из {pages}", "Телефон", "Факс", "Эл. почта", "Сайт",
            "Наш номер", "Ваш номер", "Дата", "№", "Приложения", "Копия"}},
    {"ar", {"صفحة {page}", "صفحة {page} من {pages}", "هاتف", "فاكس", "البريد الإلكتروني", "الموقع", "مرجعنا",
            "مرجعكم", "التاريخ", "رقم", "المرفقات", "نسخة إلى"}},
    {"zh", {"第{page}页", "第{page}页，共{pages}页", "电话", "传真", "电子邮件", "网站", "我方编号", "贵方编号",
            "日期", "编号", "附件", "抄送"}},
    {"de", {"Seite {page}", "Seite {page} von {pages}", "Telefon", "Fax", "E-Mail", "Web", "Unser Zeichen",
            "Ihr Zeichen", "Datum", "Nr.", "Anlagen", "Verteiler"}},
    {"az", {"Səhifə {page}", "Səhifə {page} / {pages}", "Telefon", "Faks", "E-poçt", "Sayt", "Bizim istinad",
            "Sizin istinad", "Tarix", "№", "Əlavələr", "Surəti"}},
    {"he", {"עמוד {page}", "עמוד {page} מתוך {pages}", "טלפון", "פקס", "דוא״ל", "אתר", "סימוכיננו",
            "סימוכינכם", "תאריך", "מס׳", "מצורפים", "העתק"}},
};

std::string primary(const std::string& language) {
  std::string p = language.substr(0, language.find_first_of("-_"));
  for (char& c : p) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return p;
}

}  // namespace

const std::vector<std::string>& templateWordNames() {
  static const std::vector<std::string> names = {"page", "page-of", "telephone",      "fax",  "email",
                                                 "web",  "our-reference", "your-reference", "date",
                                                 "number", "enclosures", "copy-to"};
  return names;
}

std::string templateWord(const Layout& layout, const std::string& language, const std::string& name) {
  const std::string lang = primary(language);
  // The layout's words: the exact tag, then its language, then any language.
  for (const std::string& key : {language, lang, std::string("*")}) {
    auto table = layout.words.find(key);
    if (table == layout.words.end()) continue;
    auto word = table->second.find(name);
    if (word != table->second.end()) return word->second;
  }
  size_t index = 0;
  while (index < templateWordNames().size() && templateWordNames()[index] != name) ++index;
  if (index >= kWordCount) return {};
  const LanguageWords* found = &kTable[0];
  for (const LanguageWords& row : kTable)
    if (lang == row.language) found = &row;
  return found->words[index];
}

}  // namespace folio::style

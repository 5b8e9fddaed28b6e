#include "extract/not_found_wording.h"

#include <span>

#include "extract/wording.h"

namespace linkhealth {
namespace {

// Folded (extract/wording.h): lowercase, Latin-1 capitals lowered, plain apostrophes.
constexpr std::string_view kEnglishPhrases[] = {"page not found",
                                                "page cannot be found",
                                                "page can't be found",
                                                "page could not be found",
                                                "page does not exist",
                                                "page doesn't exist",
                                                "page no longer exists",
                                                "page is no longer available",
                                                "page no longer available",
                                                "page you requested",
                                                "page you were looking for",
                                                "page you are looking for",
                                                "page you're looking for",
                                                "content not found",
                                                "article not found",
                                                "story not found",
                                                "post not found",
                                                "content is no longer available",
                                                "article is no longer available",
                                                "story is no longer available",
                                                "video is no longer available",
                                                "error 404",
                                                "404 error",
                                                "404 not found",
                                                "404 page",
                                                "http 404",
                                                "(404)",
                                                "file not found",
                                                "document not found",
                                                "nothing found",
                                                "we couldn't find",
                                                "we can't find that page",
                                                "we cannot find",
                                                "oops! that page"};

// What CMS templates in these languages put in the <title> or <h1> of their error page.
constexpr std::string_view kOtherLanguagePhrases[] = {
    // German
    "seite nicht gefunden", "seite wurde nicht gefunden", "seite konnte nicht gefunden werden",
    "seite existiert nicht", "seite ist nicht mehr verfügbar", "fehler 404", "404-fehler",
    "404 fehler", "dokument nicht gefunden", "inhalt nicht gefunden", "artikel nicht gefunden",
    // French
    "page introuvable", "page non trouvé", "page non trouvee", "page est introuvable",
    "page n'existe pas", "page n'existe plus", "erreur 404", "404 erreur", "contenu introuvable",
    "article introuvable",
    // Spanish
    "página no encontrada", "pagina no encontrada", "página no existe",
    "no se ha encontrado la página", "no se encontró la página", "no se pudo encontrar la página",
    "la página que buscas", "la página que estás buscando", "contenido no encontrado",
    // Italian
    "pagina non trovata", "pagina non esiste", "pagina non è stata trovata",
    "pagina che stai cercando", "errore 404", "contenuto non trovato", "articolo non trovato",
    // Dutch
    "pagina niet gevonden", "pagina bestaat niet", "pagina kan niet worden gevonden",
    "pagina is niet gevonden", "pagina werd niet gevonden", "pagina die je zoekt",
    "pagina die u zoekt", "fout 404", "404-fout",
    // Portuguese
    "página não encontrada", "pagina nao encontrada", "página não existe",
    "página não foi encontrada", "erro 404", "conteúdo não encontrado", "página que você procura"};

// Japanese titles have no spaces to cut segments at; these polite error-page forms are
// matched anywhere. The plain form (ページが見つからない, "can't find the page") and
// お探しのページ ("the page you are looking for") start how-to headlines, so they are not.
constexpr std::string_view kJapanesePhrases[] = {"ページが見つかりません",
                                                 "ページは見つかりません",
                                                 "ページが存在しません",
                                                 "ページは存在しません",
                                                 "指定されたページは見つかりません",
                                                 "お探しのページは見つかりませんでした"};

// Whole segments only: as a phrase these words start ordinary headlines.
constexpr std::string_view kSegments[] = {
    "not found", "404", "oops", "oops!", "error", "page not found", "nothing found", "gone",
    "sorry",
    // German, French, Spanish, Italian, Dutch, Portuguese, Japanese "not found" / "error"
    "nicht gefunden", "fehler", "introuvable", "non trouvé", "erreur", "no encontrado",
    "no encontrada", "non trovato", "non trovata", "errore", "niet gevonden", "fout",
    "não encontrado", "não encontrada", "erro", "見つかりません"};

// True when one of `phrases` stands in `folded` other than as a headline's lead-in: "Seite
// nicht gefunden: Warum Suchmaschinen ..." is an article about error pages, not one.
bool says_it_outright(std::string_view folded, std::span<const std::string_view> phrases) {
  for (std::string_view phrase : phrases) {
    for (std::size_t at = folded.find(phrase); at != std::string_view::npos;
         at = folded.find(phrase, at + 1)) {
      const std::size_t next = folded.find_first_not_of(' ', at + phrase.size());
      if (next == std::string_view::npos || folded[next] != ':') return true;
    }
  }
  return false;
}

}  // namespace

bool says_not_found(std::string_view text) {
  const std::string folded = fold_wording(text);
  return contains_any(folded, kEnglishPhrases) || contains_any(folded, kJapanesePhrases) ||
         says_it_outright(folded, kOtherLanguagePhrases) || segment_is_any(folded, kSegments);
}

}  // namespace linkhealth

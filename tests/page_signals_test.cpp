// Wording that makes a 200 page a soft 404, a bot wall or a consent wall.
#include <catch2/catch.hpp>

#include "extract/page_signals.h"

using linkhealth::is_challenge_title;
using linkhealth::is_consent_title;
using linkhealth::says_not_found;

TEST_CASE("not-found wording", "[signals]") {
  CHECK(says_not_found("Page Not Found | HIT Consultant"));
  CHECK(says_not_found("404"));
  CHECK(says_not_found("Not Found - STAT"));
  CHECK(says_not_found("Oops! That page can\xE2\x80\x99t be found."));
  CHECK(says_not_found("This page is no longer available"));
  CHECK(says_not_found("Error 404 \xE2\x80\x93 Fierce Healthcare"));
  CHECK(says_not_found("Sorry, the page you were looking for is missing"));
  CHECK_FALSE(says_not_found("Cure not found for rare disease, study says"));
  CHECK_FALSE(says_not_found("404 patients enrolled in sepsis trial"));
  CHECK_FALSE(says_not_found(""));
}

TEST_CASE("not-found wording in the languages the corpus cites", "[signals]") {
  // Titles and headings as the CMSs of these sites write them.
  for (
      const char* text : {
          "Seite nicht gefunden | Gesundheitsportal Sachsen",
          "Fehler 404 \xE2\x80\x93 Die angeforderte Seite existiert nicht",
          "Die Seite konnte nicht gefunden werden",
          "Page introuvable - Le Quotidien du M\xC3\xA9"
          "decin",
          "Erreur 404 : la page n\xE2\x80\x99"
          "existe pas",
          "P\xC3\xA1gina no encontrada - Diario M\xC3\xA9"
          "dico",
          "P\xC3\x81GINA NO ENCONTRADA",
          "Lo sentimos, la p\xC3\xA1gina que buscas no existe",
          "Pagina non trovata | Quotidiano Sanit\xC3\xA0",
          "Errore 404 - Pagina non trovata",
          "Pagina niet gevonden | Zorgvisie",
          "Oeps! Deze pagina bestaat niet",
          "P\xC3\xA1gina n\xC3\xA3o encontrada - Sa\xC3\xBA"
          "de Business",
          "Erro 404",
          "\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8\xE3\x81\x8C\xE8\xA6\x8B\xE3\x81\xA4\xE3\x81\x8B"
          "\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93",  // ページが見つかりません
          "\xE3\x81\x8A\xE6\x8E\xA2\xE3\x81\x97\xE3\x81\xAE\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8"
          "\xE3\x81\xAF\xE8\xA6\x8B\xE3\x81\xA4\xE3\x81\x8B\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B"
          "\xE3\x82\x93\xE3\x81\xA7\xE3\x81\x97\xE3\x81\x9F",  // お探しのページは見つかりませんでした
          "Nicht gefunden - \xC3\x84rzteblatt",
      }) {
    INFO(text);
    CHECK(says_not_found(text));
  }
  // Headlines that use the same words about something else.
  for (const char* text : {
           "Ursache f\xC3\xBCr Long Covid noch nicht gefunden, sagen Forscher",
           // A headline about error pages, not one.
           "Seite nicht gefunden: Warum Kliniken ihre alten Links verlieren",
           // ページが見つからない時の対処法 ("what to do when you can't find a page")
           "\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8\xE3\x81\x8C\xE8\xA6\x8B\xE3\x81\xA4"
           "\xE3\x81\x8B\xE3\x82\x89\xE3\x81\xAA\xE3\x81\x84\xE6\x99\x82\xE3\x81\xAE"
           "\xE5\xAF\xBE\xE5\x87\xA6\xE6\xB3\x95",
           "Fehlerkultur im Krankenhaus: Was Kliniken lernen k\xC3\xB6nnen",
           "La page blanche du syst\xC3\xA8me de sant\xC3\xA9",
           "Un error en la receta electr\xC3\xB3nica afecta a 3.000 pacientes",
           "Pagina 2 - Sanit\xC3\xA0 digitale, i dati del 2021",
           "Zorgverzekeraars vinden geen oplossing voor wachtlijsten",
           "Erros m\xC3\xA9"
           "dicos custam bilh\xC3\xB5"
           "es ao SUS",
           "\xE6\x96\xB0\xE5\x9E\x8B\xE3\x82\xB3\xE3\x83\xAD\xE3\x83\x8A\xE3\x81\xAE\xE5\xBE\x8C"
           "\xE9\x81\xBA"
           "\xE7\x97\x87",  // 新型コロナの後遺症
       }) {
    INFO(text);
    CHECK_FALSE(says_not_found(text));
  }
}

TEST_CASE("challenge titles", "[signals]") {
  CHECK(is_challenge_title("Just a moment..."));
  CHECK(is_challenge_title("Just a moment\xE2\x80\xA6"));
  CHECK(is_challenge_title("Attention Required! | Cloudflare"));
  CHECK(is_challenge_title("Access Denied"));
  CHECK(is_challenge_title("Bloomberg - Are you a robot?"));
  CHECK_FALSE(is_challenge_title("Patients denied access to new drug"));
  CHECK_FALSE(is_challenge_title("Just a moment of calm: mindfulness in the ICU"));
}

TEST_CASE("consent titles", "[signals]") {
  CHECK(is_consent_title("Before you continue to YouTube"));
  CHECK(is_consent_title("Yahoo is part of the Yahoo family of brands"));
  CHECK_FALSE(is_consent_title("Informed consent rules updated for trials"));
}

TEST_CASE("signals come out in a fixed order", "[signals]") {
  linkhealth::PageEvidence e;
  e.title = "Just a moment...";
  e.headings = {"404 Not Found", "This domain is for sale"};
  e.refresh_url = "https://consent.example.com/?continue=x";
  e.script_redirect = "/lander";
  CHECK(linkhealth::page_signals(e) == std::vector<std::string>{"not_found_text", "challenge",
                                                                "consent_wall", "parked_domain",
                                                                "meta_refresh", "script_redirect"});
  CHECK(linkhealth::page_signals(linkhealth::PageEvidence{}).empty());
}

TEST_CASE("a password field is a sign-in form only on a page titled as one", "[signals]") {
  linkhealth::PageEvidence e;
  e.password_input = true;
  e.title = "Log In \xE2\x80\xB9 Rural Health Voices \xE2\x80\x94 WordPress";
  CHECK(linkhealth::page_signals(e) == std::vector<std::string>{"sign_in_form"});
  // An article with a login box in its header: the password field is there, the title is the
  // article's, and the box's own heading does not count while the page has a title.
  e.title = "Hospitals Turn to Remote Monitoring as Patients Age at Home";
  e.headings = {"Sign in"};
  CHECK(linkhealth::page_signals(e).empty());
  e.title.clear();
  CHECK(linkhealth::page_signals(e) == std::vector<std::string>{"sign_in_form"});
  e.password_input = false;
  CHECK(linkhealth::page_signals(e).empty());
}

import type { Locale } from "../../i18n/strings.ts";
import type { LegalDocument } from "./legalDocument.ts";

/** The terms under which the organisation that deployed Concord offers it to its people. */
export const termsOfUse: Record<Locale, LegalDocument> = {
  en: {
    title: "Terms of use",
    intro: [
      "These terms apply when you use Concord, a Microsoft Teams app that the organisation that deployed Concord runs for its own meetings. By using Concord, you accept them.",
    ],
    sections: [
      {
        heading: "Who provides Concord",
        blocks: [
          "Concord is provided to you by the organisation that deployed Concord, which installs it, runs it on its own server and decides who may use it. Concord is provided as is and as available, without warranties of any kind, including that it is free of errors or always available, to the extent the law allows.",
        ],
      },
      {
        heading: "The organisation's responsibilities",
        blocks: [
          "The organisation that deployed Concord is responsible for who has access to it, for how long meeting records are kept, and for using Concord in compliance with its own policies and with the laws that apply to it, such as privacy and records-retention law. It answers questions and requests about Concord and the data it holds.",
        ],
      },
      {
        heading: "Using Concord",
        blocks: [
          "Use Concord for your organisation's meetings, in line with its policies. What you enter in a meeting, such as the topic of a raised hand, is visible to the other participants: do not enter information they should not see.",
          "Do not try to reach meetings you are not part of, act as someone else, or disrupt Concord for others.",
        ],
      },
      {
        heading: "Your content",
        blocks: [
          "Concord stores what you enter only to provide its features, as the privacy statement describes. The organisation's policies determine who owns that content and who may use it.",
        ],
      },
      {
        heading: "Microsoft Teams and Microsoft 365",
        blocks: [
          "Concord runs inside Microsoft Teams and uses the organisation's Microsoft 365 services. Your use of those services is governed by their own terms and by the organisation's agreements with Microsoft.",
        ],
      },
      {
        heading: "Changes",
        blocks: [
          "The organisation may change, suspend or stop offering Concord, and may update these terms. The terms shown on this page are the ones that apply.",
        ],
      },
      {
        heading: "Questions",
        blocks: ["For any question about Concord, contact the organisation that deployed Concord, for example through its IT help desk."],
      },
    ],
  },
  "fr-CA": {
    title: "Conditions d’utilisation",
    intro: [
      "Ces conditions s’appliquent lorsque vous utilisez Concord, une application Microsoft\u00a0Teams que l’organisation qui a déployé Concord exploite pour ses propres réunions. En utilisant Concord, vous les acceptez.",
    ],
    sections: [
      {
        heading: "Qui fournit Concord",
        blocks: [
          "Concord vous est fourni par l’organisation qui a déployé Concord, qui l’installe, l’exploite sur son propre serveur et décide qui peut l’utiliser. Concord est fourni tel quel et selon sa disponibilité, sans garantie d’aucune sorte, notamment quant à l’absence d’erreurs ou à une disponibilité continue, dans la mesure permise par la loi.",
        ],
      },
      {
        heading: "Responsabilités de l’organisation",
        blocks: [
          "L’organisation qui a déployé Concord est responsable de l’accès à Concord, de la durée de conservation des dossiers de réunion et d’une utilisation de Concord conforme à ses propres politiques et aux lois qui s’appliquent à elle, notamment en matière de protection des renseignements personnels et de conservation des documents. Elle répond aux questions et aux demandes concernant Concord et les données qu’il conserve.",
        ],
      },
      {
        heading: "Utilisation de Concord",
        blocks: [
          "Utilisez Concord pour les réunions de votre organisation, conformément à ses politiques. Ce que vous inscrivez dans une réunion, comme le sujet d’une main levée, est visible par les autres participants\u00a0: n’y inscrivez pas d’information qu’ils ne devraient pas voir.",
          "N’essayez pas d’accéder à des réunions auxquelles vous ne participez pas, de vous faire passer pour quelqu’un d’autre ou de perturber Concord pour les autres.",
        ],
      },
      {
        heading: "Votre contenu",
        blocks: [
          "Concord conserve ce que vous inscrivez uniquement pour offrir ses fonctions, comme le décrit la déclaration de confidentialité. Les politiques de l’organisation déterminent à qui appartient ce contenu et qui peut l’utiliser.",
        ],
      },
      {
        heading: "Microsoft\u00a0Teams et Microsoft\u00a0365",
        blocks: [
          "Concord fonctionne dans Microsoft\u00a0Teams et utilise les services Microsoft\u00a0365 de l’organisation. Votre utilisation de ces services est régie par leurs propres conditions et par les ententes de l’organisation avec Microsoft.",
        ],
      },
      {
        heading: "Modifications",
        blocks: [
          "L’organisation peut modifier, suspendre ou cesser d’offrir Concord, et peut mettre à jour ces conditions. Les conditions affichées sur cette page sont celles qui s’appliquent.",
        ],
      },
      {
        heading: "Questions",
        blocks: ["Pour toute question sur Concord, communiquez avec l’organisation qui a déployé Concord, par exemple par l’entremise de son centre de soutien informatique."],
      },
    ],
  },
};

import type { Locale } from "../../i18n/strings.ts";
import type { LegalDocument } from "./legalDocument.ts";

/**
 * What Concord stores, where and who sees it. Keep it true: when a feature starts storing or
 * sending something new, this text changes in the same commit.
 */
export const privacyStatement: Record<Locale, LegalDocument> = {
  en: {
    title: "Privacy statement",
    intro: [
      "Concord is a Microsoft Teams app that gives meetings a fair speaking queue. It is not a service run by a vendor: the organisation that deployed Concord runs it on its own server and controls the data it holds. This statement describes what Concord stores, where, and who can see it.",
    ],
    sections: [
      {
        heading: "What Concord stores",
        blocks: [
          "For each Teams meeting in which people use Concord, it keeps:",
          [
            "for each participant who selects Join: the Microsoft Entra object id of their work account, their display name, their role in the meeting (organizer, presenter or attendee), and when they joined or left;",
            "the speaking queue: each raised and lowered hand, with the optional topic typed with it, and who was given the floor, by whom and when;",
            "the identifiers of the meeting and of the organisation's Microsoft 365 tenant, to keep each meeting's record apart.",
          ],
          "Concord keeps nothing about you in a meeting until you select Join. As Concord adds agendas, decisions and commitments, they will be stored with the meeting in the same way.",
        ],
      },
      {
        heading: "Where it is kept",
        blocks: [
          "In the organisation's own database (a SQLite file or a PostgreSQL database) on the server where the organisation runs Concord. The organisation chooses that server and decides how long records are kept; Concord does not delete a meeting's record by itself.",
          "The server's logs record technical events such as errors and refused connections. They may name a meeting, but never contain a sign-in token or what participants type.",
        ],
      },
      {
        heading: "Who can see it",
        blocks: [
          "Concord shows a meeting only to its participants: people in the meeting see who has joined Concord, the queue with its topics, and who has the floor. Each organisation's and each meeting's data are kept apart. The people who administer the organisation's Concord server can read its database.",
        ],
      },
      {
        heading: "Sign-in and Microsoft 365",
        blocks: [
          "Concord signs you in with your Teams account (single sign-on). The server verifies each sign-in token's signature with the keys Microsoft Entra ID publishes, and never stores the token.",
          "To confirm that you take part in a meeting and what your role is, Concord asks Microsoft Teams.",
          "When Concord records commitments, it creates them as Microsoft Planner tasks in the organisation's own Microsoft 365 tenant, through Microsoft Graph.",
        ],
      },
      {
        heading: "What Concord does not do",
        blocks: ["Concord sends no data to any third party. It shows no advertising, has no analytics or tracking, and sets no cookies."],
      },
      {
        heading: "Your questions and rights",
        blocks: [
          "The organisation that deployed Concord is responsible for the data Concord holds. To see, correct or delete what it holds about you, or to ask how long it is kept, contact that organisation, for example through its IT help desk.",
        ],
      },
    ],
  },
  "fr-CA": {
    title: "Déclaration de confidentialité",
    intro: [
      "Concord est une application Microsoft\u00a0Teams qui donne aux réunions une file de parole équitable. Ce n’est pas un service exploité par un fournisseur\u00a0: l’organisation qui a déployé Concord l’exploite sur son propre serveur et contrôle les données qu’il conserve. Cette déclaration décrit ce que Concord conserve, à quel endroit, et qui peut le voir.",
    ],
    sections: [
      {
        heading: "Ce que Concord conserve",
        blocks: [
          "Pour chaque réunion Teams où des personnes utilisent Concord, il conserve\u00a0:",
          [
            "pour chaque participant qui sélectionne Se joindre\u00a0: l’identifiant d’objet Microsoft Entra de son compte professionnel, son nom d’affichage, son rôle dans la réunion (organisateur, présentateur ou participant) et les moments où il s’est joint ou est parti;",
            "la file de parole\u00a0: chaque main levée ou baissée, avec le sujet facultatif indiqué, et à qui la parole a été donnée, par qui et quand;",
            "les identifiants de la réunion et du locataire Microsoft\u00a0365 de l’organisation, pour tenir séparé le dossier de chaque réunion.",
          ],
          "Concord ne conserve rien à votre sujet dans une réunion tant que vous n’avez pas sélectionné Se joindre. À mesure que Concord ajoutera l’ordre du jour, les décisions et les engagements, ceux-ci seront conservés avec la réunion de la même façon.",
        ],
      },
      {
        heading: "Où ces données sont conservées",
        blocks: [
          "Dans la base de données de l’organisation (un fichier SQLite ou une base de données PostgreSQL), sur le serveur où elle exploite Concord. L’organisation choisit ce serveur et décide de la durée de conservation; Concord ne supprime pas de lui-même le dossier d’une réunion.",
          "Les journaux du serveur consignent des événements techniques, comme les erreurs et les connexions refusées. Ils peuvent désigner une réunion, mais ne contiennent jamais de jeton de connexion ni ce que les participants écrivent.",
        ],
      },
      {
        heading: "Qui peut les voir",
        blocks: [
          "Concord n’affiche une réunion qu’à ses participants\u00a0: les personnes présentes voient qui s’est joint à Concord, la file avec ses sujets et qui a la parole. Les données de chaque organisation et de chaque réunion sont tenues séparées. Les personnes qui administrent le serveur Concord de l’organisation peuvent lire sa base de données.",
        ],
      },
      {
        heading: "Connexion et Microsoft\u00a0365",
        blocks: [
          "Concord vous connecte avec votre compte Teams (authentification unique). Le serveur vérifie la signature de chaque jeton de connexion à l’aide des clés publiées par Microsoft Entra ID, et ne conserve jamais le jeton.",
          "Pour confirmer que vous participez à une réunion et connaître votre rôle, Concord interroge Microsoft\u00a0Teams.",
          "Lorsque Concord consignera des engagements, il les créera comme tâches Microsoft Planner dans le locataire Microsoft\u00a0365 de l’organisation, au moyen de Microsoft Graph.",
        ],
      },
      {
        heading: "Ce que Concord ne fait pas",
        blocks: [
          "Concord n’envoie aucune donnée à des tiers. Il n’affiche aucune publicité, ne fait ni analyse d’utilisation ni pistage, et ne dépose aucun témoin de navigation (cookie).",
        ],
      },
      {
        heading: "Vos questions et vos droits",
        blocks: [
          "L’organisation qui a déployé Concord est responsable des données que Concord conserve. Pour consulter, corriger ou supprimer ce qu’il conserve à votre sujet, ou pour savoir combien de temps ces données sont gardées, communiquez avec cette organisation, par exemple par l’entremise de son centre de soutien informatique.",
        ],
      },
    ],
  },
};

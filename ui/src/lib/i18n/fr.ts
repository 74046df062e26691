import type { Dictionary } from "./types";

export const fr: Dictionary = {
  app: {
    name: "IK Desk",
    tagline:
      "Administrez les organisations Infomaniak dont vous vous occupez (utilisateurs, équipes, produits, renouvellements et factures) depuis une seule application de bureau.",
  },
  common: {
    loading: "Chargement…",
    tryAgain: "Réessayer",
    yes: "Oui",
    no: "Non",
    none: "—",
    updating: "Mise à jour…",
    asOf: "Données du {time}",
    notFetchedYet: "Pas encore récupéré auprès d'Infomaniak",
    openInManager: "Ouvrir dans le Manager Infomaniak",
    managerOpenFailed: "La page du Manager n'a pas pu s'ouvrir dans votre navigateur.",
    technicalDetails: "Détails techniques",
    notYetAvailable: "Cette page n'est pas encore disponible dans cette version d'IK Desk.",
    cancel: "Annuler",
    dismiss: "Masquer",
  },
  signIn: {
    title: "Se connecter avec un jeton d'API",
    step1: "Ouvrez la page des jetons d'API du Manager Infomaniak et créez un jeton.",
    openTokenPage: "Ouvrir la page des jetons",
    step2: "Cochez ces autorisations (elles ne peuvent pas être ajoutées plus tard) :",
    step3: "Copiez le jeton (il n'est affiché qu'une fois) et collez-le ci-dessous.",
    scopes: {
      user_info: "qui vous êtes",
      accounts: "vos organisations et leurs produits",
      users: "utilisateurs, invitations et équipes de travail",
      invoicing: "factures (facultatif)",
    },
    tokenLabel: "Jeton d'API",
    remember: "Se souvenir sur cet ordinateur (conservé dans le trousseau du système)",
    submit: "Se connecter",
    checking: "Vérification du jeton auprès d'Infomaniak…",
    tokenEmpty: "Collez d'abord le jeton.",
    tokenRefused: "Infomaniak n'accepte pas ce jeton : il est erroné, révoqué ou expiré.",
    sessionOnly: "Se connecter pour cette session seulement",
  },
  profiles: {
    switcher: "Profil",
    add: "Ajouter un profil",
    signOut: "Se déconnecter",
    forget: "Oublier…",
    forgetTitle: "Oublier {label} ?",
    forgetBody:
      "Le jeton de {label} sera retiré du trousseau du système et tout ce qu'IK Desk a gardé en cache pour ce profil sera supprimé. Rien ne change chez Infomaniak.",
    forgetConfirm: "Oublier ce profil",
    signedOutLabel: "{label} (déconnecté)",
    signedOut: "Vous êtes déconnecté de ce profil. Ce que vous voyez a été enregistré plus tôt.",
    tokenRefused:
      "Infomaniak n'accepte plus le jeton de ce profil (révoqué ou expiré). Ce que vous voyez a été enregistré plus tôt.",
    pasteNewToken: "Coller un nouveau jeton",
    missingScopes:
      "Votre jeton n'a pas ces autorisations : {scopes}. Les pages qui en ont besoin le diront ; créez un nouveau jeton pour les utiliser.",
  },
  firstScreen: {
    waysIn: "Pour commencer",
    tryDemo: "Essayer la démo",
    tryDemoHint: "Explorez des organisations d'exemple. Rien ne quitte cet ordinateur.",
    demoUnavailable: "La démo n'est pas incluse dans cette version.",
    startingDemo: "Démarrage de la démo…",
    apiOverride: "Connexion à une API de test sur {url}, et non à Infomaniak.",
  },
  shell: {
    skipToContent: "Aller au contenu",
    navigation: "Rubriques",
    signedInAs: "Connecté en tant que {name}",
    demo: "Démo",
    starting: "Ouverture d'IK Desk…",
  },
  sections: {
    organisations: "Organisations",
    users: "Utilisateurs",
    teams: "Équipes",
    products: "Produits et renouvellements",
    invoices: "Factures",
    supportAccess: "Accès du support",
    diagnostics: "Diagnostic",
    settings: "Réglages",
  },
  pages: {
    users:
      "Consultez tous les membres et les invitations en attente de vos organisations, invitez des personnes et modifiez leurs rôles.",
    teams: "Consultez les équipes de travail de chaque organisation et leurs responsables, et gérez leurs membres.",
    products: "Consultez vos produits et la date de renouvellement de chacun, avec un rappel avant toute échéance.",
    invoices:
      "Consultez les factures payées et impayées ainsi que l'historique de votre compte prépayé, et téléchargez les PDF.",
    supportAccess:
      "Accordez au support Infomaniak un accès temporaire à la messagerie, au kDrive ou au kChat d'un utilisateur.",
    diagnostics: "Vérifiez quelles parties de l'API Infomaniak votre jeton peut atteindre, et pourquoi certaines non.",
  },
  organisations: {
    caption: "Vos organisations",
    loading: "Chargement de vos organisations…",
    emptyTitle: "Aucune organisation pour l'instant",
    emptyBody:
      "Ce compte n'appartient à aucune organisation. Créez-en une ou acceptez une invitation dans le Manager Infomaniak, puis revenez ici.",
    columns: {
      name: "Nom",
      relation: "Mon rôle",
      legalEntity: "Entité juridique",
      users: "Utilisateurs",
      pendingInvitations: "Invitations en attente",
      legalRepresentatives: "Représentants légaux",
      blocked: "Bloquée",
      ordersAwaitingPayment: "Commandes en attente de paiement",
      twoFactorRequired: "2FA obligatoire",
    },
  },
  diagnostics: {
    intro:
      "Chaque partie de l'API d'Infomaniak utilisée par l'app, à quel point son existence est sûre (son niveau), et ce que votre jeton a montré en l'utilisant : elle fonctionne, la route n'existe pas (l'app ouvre alors le Manager), ou le jeton n'a pas l'autorisation nécessaire.",
    checkNow: "Vérifier maintenant",
    cost: "La vérification utilise {count} de vos 60 requêtes par minute.",
    checking: "Vérification…",
    missingScopes: "Votre jeton n'a pas ces autorisations : {scopes}.",
    caption: "Routes de l'API et ce que votre jeton permet",
    columns: { feature: "Fonction", route: "Route", tier: "Niveau", state: "Pour ce profil" },
    tier: { documented: "Documentée", observed: "Observée", unverified: "Non vérifiée" },
    state: {
      works: "Fonctionne",
      missing: "Pas proposée par l'API : le Manager est utilisé à la place",
      needs_scope: "Nécessite l'autorisation « {scope} »",
      not_tried: "Pas encore essayée",
    },
  },
  relations: {
    owner: "Représentant légal",
    admin: "Administrateur",
    normal: "Collaborateur",
    external: "Externe",
    client: "Client",
    partner_admin: "Partenaire (administrateur)",
    partner_limited: "Partenaire (limité)",
    unknown: "Inconnu",
  },
  legalEntities: {
    company: "Entreprise",
    individual: "Particulier",
    public_body: "Collectivité publique",
    restrict: "Restreinte",
  },
  settings: {
    language: "Langue",
    languageHint: "IK Desk retient votre choix sur cet ordinateur.",
    theme: "Thème",
    themeFollowsOs: "Le thème suit le réglage clair ou sombre de votre système d'exploitation.",
  },
  errors: {
    AuthExpired: "Votre connexion a expiré. Veuillez vous reconnecter.",
    MissingScope:
      "Votre jeton d'API n'a pas l'autorisation « {scope} ». Créez un jeton qui l'inclut dans le Manager Infomaniak.",
    MissingScopeUnnamed: "Votre jeton d'API n'a pas une autorisation dont cette page a besoin.",
    RateLimited:
      "Infomaniak limite le nombre de requêtes que l'application peut envoyer chaque minute. Les données arriveront dès que le quota le permettra.",
    NotFound: "Cet élément n'existe plus chez Infomaniak.",
    Validation: "Infomaniak a refusé certaines informations.",
    ValidationField: "Infomaniak a refusé la valeur de « {field} ».",
    Network:
      "La connexion à Infomaniak a échoué. Rien n'a été perdu : réessayez une fois la connexion rétablie.",
    KeyringUnavailable:
      "Le trousseau du système n'est pas disponible : votre connexion ne peut pas être enregistrée de façon sûre.",
    NotSupportedByApi:
      "L'API publique d'Infomaniak ne le permet pas encore. Vous pouvez le faire dans le Manager Infomaniak.",
    ServerError: "Les serveurs d'Infomaniak ont répondu par une erreur. Réessayez dans un instant.",
    BadResponse: "Infomaniak a envoyé une réponse qu'IK Desk n'a pas pu lire.",
    Unknown: "Une erreur inattendue s'est produite.",
  },
};

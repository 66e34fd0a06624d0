# language: fr
Fonctionnalité: Les conférences audio du portail Arcade
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), §16 « Créer une
  conférence », §16.1 « Ajouter un participant à une conférence depuis le widget », §16.2
  « Rejoindre une conférence » et §16.4 « Retrouver l'historique de vos conférences ».
  Lectures retenues :
  - Le numéro de la salle « à 4 chiffres » est attribué à la création : le premier libre
    du client. Le code d'accès à 4 chiffres est facultatif (« si applicable »).
  - Une conférence permanente n'a ni date, ni durée, ni fuseau horaire.
  - L'historique (§16.4 « Retrouver l'historique de vos conférences ») vient du réseau,
    qui sait qui s'est connecté et quand ; un enregistrement est archivé 7 jours après la
    fin de la conférence, puis la tâche de ménage quotidienne le supprime ; la conférence
    reste dans l'historique, sans enregistrement. Le rapport PDF n'est pas proposé.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Les conférences valent pour tout le client (§16)
    Étant donné l'opérateur « cooptel »
    Alors il offre « conferences » pour tout le client
    Et la limite « max_minutes » de « conferences » vaut 180
    Et la limite « opens_minutes_before » de « conferences » vaut 10
    Et la limite « web_broadcast_permanent » de « conferences » vaut False

  Scénario: Créer une conférence à usage unique (§16, étapes 1 et 2)
    Quand on crée la conférence « Usage unique » « Lancement des fromages d'hiver » en « Français » le « 2027-02-03 » à « 14:00 » pour 180 minutes
    Alors la conférence « Lancement des fromages d'hiver » a un numéro de salle à 4 chiffres
    Et l'historique du client dit « Conférence créée »

  Scénario: Leur durée maximale est limitée à 3 heures (§16, étape 2)
    Quand on crée la conférence « Usage unique » « Formation » en « Anglais » le « 2027-02-03 » à « 14:00 » pour 181 minutes
    Alors la conférence est refusée : « conference.duration_minutes.too_long » sur le champ « duration_minutes », limite 180
    Et le message en français est « Une conférence à usage unique dure au plus 180 minutes ; créez une nouvelle conférence si nécessaire. »
    Et rien n'est enregistré

  Scénario: Une conférence à usage unique a une date de démarrage et une durée estimée (§16, étape 2)
    Quand on crée la conférence « Usage unique » « Sans date » en « Français »
    Alors la conférence est refusée : « conference.start_date.required » sur le champ « start_date »
    Et la conférence est refusée : « conference.duration_minutes.required » sur le champ « duration_minutes »
    Et rien n'est enregistré

  Scénario: La diffusion sur le web est désactivée pour les conférences permanentes (§16, étape 2)
    Quand on crée la conférence « Permanente » « Salle du conseil » en « Français », diffusée sur le web
    Alors la conférence est refusée : « conference.web_broadcast.not_allowed » sur le champ « web_broadcast »
    Et rien n'est enregistré

  Scénario: Inviter un participant, qui reçoit le courriel d'invitation (§16, étape 3, et §16.1)
    Quand on invite « Julie Gagnon » « julie@fromageriedulac.ca » comme « Administrateur » à « Réunion d'équipe »
    Alors « Réunion d'équipe » compte 3 invités
    Et l'ordre envoyé au réseau dit « Appliqué ; le courriel d'invitation a été envoyé. »

  Scénario: Une même personne n'est invitée qu'une fois à une conférence
    Quand on invite « Luc P. » « LUC@fromageriedulac.ca » comme « Participant » à « Réunion d'équipe »
    Alors l'invitation est refusée : « conference_participant.email.duplicate » sur le champ « email »

  Plan du scénario: Rejoindre une conférence à usage unique (§16.2 et §16, Notes)
    Étant donné la conférence « Meeting ventes » du « 2027-01-14 » à « 10:00 » pendant 60 minutes
    Quand un participant appelle la salle de « Meeting ventes » le « 2027-01-14 » à « <heure> », <administrateur>
    Alors il entend « <résultat> »

    Exemples:
      | heure | administrateur                 | résultat                                                                  |
      | 09:49 | un administrateur connecté     | Trop tôt : une conférence à usage unique ouvre 10 minutes avant son début. |
      | 09:50 | un administrateur connecté     | Rejoint la conférence.                                                    |
      | 10:30 | sans administrateur connecté   | Salle d'attente : la conférence débute quand un administrateur se connecte. |
      | 11:00 | un administrateur connecté     | La conférence est terminée.                                               |

  Scénario: L'historique montre le détail des conférences passées (§16.4)
    Quand le réseau tient « Réunion d'équipe » le « 2026-06-01 » de « 09:00 » à « 09:45 » avec « Sophie Bergeron » et « Luc Paquette »
    Alors l'historique montre 1 conférence terminée
    Et ses participants sont « Sophie Bergeron » et « Luc Paquette »

  Scénario: Une conférence n'ayant eu aucun participant connecté n'apparaîtra pas dans l'historique (§16.4, Notes)
    Quand le réseau tient « Réunion d'équipe » le « 2026-06-02 » de « 09:00 » à « 09:05 » avec personne
    Alors l'historique montre 0 conférence terminée

  Scénario: Les enregistrements audios sont archivés pour une durée maximale de 7 jours (§16.4, Notes)
    Étant donné l'opérateur « cooptel »
    Alors la limite « recording_days » de « conferences » vaut 7
    Quand le réseau tient « Réunion d'équipe » le « 2026-06-01 » de « 09:00 » à « 09:45 » avec « Sophie Bergeron »
    Alors l'historique montre 1 conférence terminée
    Et son enregistrement est conservé jusqu'au « 2026-06-08 » à « 09:45 »
    Quand la tâche de ménage des enregistrements passe le « 2026-06-08 » à « 09:44 »
    Alors l'enregistrement est encore là
    Quand la tâche de ménage des enregistrements passe le « 2026-06-08 » à « 09:46 »
    Alors l'enregistrement n'est plus là, la conférence reste dans l'historique

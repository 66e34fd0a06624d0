# language: fr
Fonctionnalité: Les calendriers de l'entreprise SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §4.2 « Calendriers » :
  un calendrier ne peut être supprimé qu'à la condition qu'il ne soit utilisé nulle part.
  Le portail ne dit pas où il est utilisé ; le backoffice, lui, le dit à l'agent.
  §4.2.3 « Suppression du calendrier » : « Êtes-vous sûr de vouloir supprimer le calendrier
  Marketing ? ». Lecture retenue : la page demande cette confirmation avant de supprimer ;
  par l'API, la requête de suppression est elle-même la confirmation.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Un calendrier utilisé par un renvoi programmé ne peut pas être supprimé
    Quand on supprime le calendrier « JOURS OUVRES »
    Alors le réglage est refusé : « calendar.name.in_use » sur le champ « name »
    Et le message d'erreur cite « 04 83 05 01 73 (Stéphane Biel) »
    Et aucun réglage n'est enregistré

  Scénario: Un calendrier inutilisé est supprimé
    Étant donné le calendrier « Marketing » ouvert « lun-ven 09:00-18:00 »
    Quand on supprime le calendrier « Marketing »
    Alors le réglage est enregistré

  Scénario: Un calendrier créé « à la volée » depuis le renvoi programmé rejoint la liste
    Étant donné la ligne « 04 83 05 01 74 »
    Quand on règle le renvoi de la ligne ainsi :
      | champ                        | valeur              |
      | scheduled_enabled            | on                  |
      | scheduled_destination        | messagerie          |
      | scheduled_new_calendar       | Soirée              |
      | scheduled_new_calendar_hours | lun-ven 18:00-22:00 |
    Alors le réglage est enregistré
    Et le calendrier « Soirée » figure dans la liste des calendriers du client

  Scénario: Supprimer un calendrier demande une confirmation (§4.2.3)
    Étant donné le calendrier « Marketing » ouvert « lun-ven 09:00-18:00 »
    Quand l'agent clique sur « Supprimer » pour le calendrier « Marketing »
    Alors la page demande « Êtes-vous sûr de vouloir supprimer « Marketing » ? »
    Et le calendrier « Marketing » figure dans la liste des calendriers du client
    Quand l'agent confirme la suppression
    Alors le calendrier « Marketing » ne figure plus dans la liste des calendriers du client

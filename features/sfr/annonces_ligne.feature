# language: fr
Fonctionnalité: Les annonces d'une ligne utilisateur SFR : accueil, mise en attente, double appel
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §6.10 « Annonce d'accueil
  utilisateur » : « Elle n'est pas activée à la création d'une ligne fixe » ; « Par défaut,
  « l'Accueil par défaut » est activé en mode non interruptif et sans calendrier » ; « Mode
  interruptif : la ligne sonne en même temps que le correspondant entend l'annonce » ; « Mode
  non interruptif : l'annonce est alors jouée entièrement au correspondant avant que la ligne
  commence à sonner » ; « associer un calendrier à l'annonce d'accueil afin qu'elle ne soit
  jouée que pendant les heures ouvrées ». §6.11 et §6.12 : « Mise en attente prédéfinie » et
  « Double appel prédéfini » sont activées par défaut. §6.7 « Signal d'appel », « Résumé » :
  ce qu'entend le correspondant selon l'annonce sur double appel et le mode de l'accueil.
  §4.4 : « Format : MP3 ou Wav - Taille : 2 mn maximum » ; §6.11 : « max 3MB ».
  Lecture retenue : 3 MB = 3 000 000 octets. Une nouvelle annonce remplace la précédente,
  qui est perdue. Dans l'explication d'un appel, l'annonce d'accueil est jouée avant que la
  ligne sonne ; sur une ligne occupée avec signal d'appel, la règle dit ce qu'entend le
  correspondant selon le tableau du §6.7.
  Le client de démonstration : Antoine Pinson (04 83 05 01 72) a le signal d'appel et
  l'« Accueil par défaut » en mode non interruptif, aux heures du calendrier « JOURS OUVRES ».

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: À la création d'une ligne, l'accueil est désactivé ; mise en attente et double appel sont activés
    Étant donné la ligne « 04 83 05 01 74 »
    Alors les annonces de la ligne sont :
      | champ                  | valeur |
      | greeting_enabled       | non    |
      | greeting_interruptible | non    |
      | hold_enabled           | oui    |
      | double_call_enabled    | oui    |

  Scénario: L'« Accueil par défaut » non interruptif est joué avant que la ligne sonne
    Étant donné la ligne « 04 83 05 01 72 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors le parcours dit « Accueil par défaut »
    Et le parcours dit « mode non interruptif »
    Et la ligne sonne

  Scénario: Avec un calendrier, l'accueil n'est pas joué en dehors des heures ouvrées
    Étant donné la ligne « 04 83 05 01 72 »
    Quand un appel arrive le « 2026-11-23 21:00 » alors que la ligne est « libre »
    Alors le parcours ne dit pas « Accueil par défaut »
    Et la ligne sonne

  Plan du scénario: Signal d'appel et annonce d'accueil : ce qu'entend le correspondant (§6.7)
    Étant donné la ligne « 04 83 05 01 72 »
    Et les annonces de la ligne réglées ainsi :
      | champ                  | valeur          |
      | greeting_enabled       | <accueil>       |
      | greeting_interruptible | <interruptif>   |
      | hold_enabled           | on              |
      | double_call_enabled    | <double_appel>  |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « occupée »
    Alors l'appel est signalé à l'utilisateur en ligne
    Et le parcours dit « <entendu> »

    Exemples:
      | accueil | interruptif | double_appel | entendu                                                            |
      | on      |             | on           | l'annonce d'accueil une fois, puis l'annonce sur double appel en boucle |
      | on      | on          | on           | l'annonce sur double appel en boucle                               |
      |         |             | on           | l'annonce sur double appel en boucle                               |
      | on      |             |              | l'annonce d'accueil une fois, puis l'alerting classique            |
      | on      | on          |              | l'annonce d'accueil en boucle                                      |
      |         |             |              | l'alerting classique                                               |

  Scénario: Un enregistrement de plus de 2 minutes est refusé
    Quand on dépose pour l'accueil de la ligne un enregistrement WAV de 121 secondes
    Alors le réglage est refusé : « line_announcements.greeting_audio_id.too_long » sur le champ « greeting_audio_id »

  Scénario: Un enregistrement de 2 minutes est accepté et remplace l'annonce par défaut
    Étant donné la ligne « 04 83 05 01 74 »
    Quand on dépose pour l'accueil de la ligne un enregistrement WAV de 120 secondes
    Et on active l'accueil de la ligne avec cet enregistrement
    Alors le réglage est enregistré
    Et le parcours d'un appel libre le « 2026-11-23 10:00 » dit « personnalisée »

  Scénario: Un fichier qui n'est ni MP3 ni WAV est refusé, quel que soit son nom
    Quand on dépose pour l'accueil de la ligne un faux fichier « accueil.mp3 »
    Alors le réglage est refusé : « line_announcements.greeting_audio_id.unreadable » sur le champ « greeting_audio_id »

  Scénario: Un fichier de plus de 3 Mo est refusé
    Quand on dépose pour l'accueil de la ligne un enregistrement WAV de 94 secondes en qualité 32 kHz
    Alors le réglage est refusé : « line_announcements.greeting_audio_id.too_big » sur le champ « greeting_audio_id »

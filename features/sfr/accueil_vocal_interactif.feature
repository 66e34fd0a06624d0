# language: fr
Fonctionnalité: L'accueil vocal interactif SFR (AVI)
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §3.5.1 « Forfait Accueil
  Vocal Interactif » : « Niveau 1 : associe des touches à un renvoi vers un numéro ou vers un
  sous-menu, Niveau 2 : associe des touches du sous-menu à un renvoi simple vers un numéro » ;
  « Un menu de niveau 1 ou de niveau 2, peut contenir 9 entrées maximum en tapant un des
  chiffres du clavier de 1 à 9 » ; « Il n'est pas obligatoire que les 9 touches soient toutes
  définies » ; « Seuls les numéros spéciaux et les numéros internationaux hors Europe, ne sont
  pas autorisés » ; un calendrier permet « une autre annonce d'accueil et un autre menu en
  horaires et périodes de fermeture ». §5.2.1 : « Numéro d'appel interne », « Activation de
  l'accueil vocal interactif ». §8.1 « Annonces d'un accueil vocal interactif » : « Un accueil
  vocal interactif nécessite obligatoirement la mise en place d'au moins une annonce
  d'accueil » ; « Il n'y a pas d'annonce par défaut destinées aux AVI ». §4.2 : un calendrier
  utilisé ne peut pas être supprimé.
  Lecture retenue : le guide ne dit pas ce que fait l'AVI quand l'appelant n'appuie sur
  aucune touche ; l'explication s'arrête à l'annonce et le dit. La touche d'un sous-menu
  s'écrit avec la touche du menu principal devant (21 : touche 1 du sous-menu de la
  touche 2). Un AVI désactivé ne répond pas aux appels.
  Le client de démonstration a l'AVI « Accueil Vocal Marketing » (04 83 05 01 70) de la
  capture du §8.1.1 : annonce « AVI MP3 », touche 1 vers +33684343813, touche 2 vers le
  « Sous-menu 2 » (touches 1 et 2 vers Stéphane Biel et Valérie Diaz) et, avec le calendrier
  « JOURS OUVRES », l'annonce « Fermeture » dont la touche 1 va vers le mobile d'Alain Coste.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: La touche 1 du menu principal renvoie vers un numéro (§3.5.1)
    Étant donné la ligne « 04 83 05 01 70 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre » et que l'appelant compose « 1 »
    Alors l'appelant entend « AVI MP3 »
    Et l'appel est renvoyé vers « +33684343813 »
    Et la règle appliquée est « ivr.key »
    Et la section du guide citée est « §3.5.1 »
    Et aucun téléphone ne sonne

  Scénario: La touche 2 ouvre un sous-menu dont la touche 1 renvoie vers un numéro (niveau 2)
    Étant donné la ligne « 04 83 05 01 70 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre » et que l'appelant compose « 21 »
    Alors l'appelant entend « Sous-menu 2 »
    Et l'appel est renvoyé vers « 04 83 05 01 73 »

  Scénario: Dans le sous-menu, sans deuxième touche, l'appel ne va pas plus loin
    Étant donné la ligne « 04 83 05 01 70 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre » et que l'appelant compose « 2 »
    Alors l'appelant entend « Sous-menu 2 »
    Et la règle appliquée est « ivr.no_input »

  Scénario: Sans touche, l'appelant entend l'annonce d'accueil et l'explication s'arrête là
    Étant donné la ligne « 04 83 05 01 70 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appelant entend « AVI MP3 »
    Et la règle appliquée est « ivr.no_input »
    Et l'appel n'est pas renvoyé

  Scénario: Une touche non définie ne mène nulle part (les 9 touches ne sont pas obligatoires)
    Étant donné la ligne « 04 83 05 01 70 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre » et que l'appelant compose « 7 »
    Alors la règle appliquée est « ivr.unassigned_key »
    Et l'appel n'est pas renvoyé

  Scénario: En horaires de fermeture, l'autre annonce d'accueil et l'autre menu répondent
    Étant donné la ligne « 04 83 05 01 70 »
    Quand un appel arrive le « 2026-11-23 21:00 » alors que la ligne est « libre » et que l'appelant compose « 1 »
    Alors le parcours dit « heures de fermeture »
    Et l'appelant entend « Fermeture »
    Et l'appel est renvoyé vers « 06 17 30 64 73 »

  Scénario: Un AVI désactivé ne répond pas
    Étant donné la ligne « 04 83 05 01 70 »
    Et le menu vocal réglé ainsi :
      | champ            | valeur  |
      | enabled          |         |
      | open_greeting_id | AVI MP3 |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre » et que l'appelant compose « 1 »
    Alors le menu vocal ne répond pas : « ivr.off »

  Scénario: Un AVI ne s'active pas sans annonce d'accueil : il n'y a pas d'annonce par défaut (§8.1)
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name    |
      | avi  | 04 83 05 01 77 | Toine Immo | Accueil Ventes |
    Et on règle le menu vocal ainsi :
      | champ   | valeur |
      | enabled | on     |
    Alors le réglage est refusé : « ivr.open_greeting_id.required » sur le champ « open_greeting_id »
    Et le message d'erreur cite « au moins une annonce d'accueil »
    Et aucun réglage n'est enregistré

  Scénario: Avec un calendrier, une deuxième annonce d'accueil est nécessaire pour la fermeture
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name     |
      | avi  | 04 83 05 01 77 | Toine Immo | Accueil Ventes |
    Et on règle le menu vocal ainsi :
      | champ            | valeur       |
      | enabled          | on           |
      | open_greeting_id | AVI MP3      |
      | calendar_id      | JOURS OUVRES |
    Alors le réglage est refusé : « ivr.closed_greeting_id.required » sur le champ « closed_greeting_id »

  Scénario: Un AVI s'active avec son annonce d'accueil et son numéro d'appel interne (§5.2.1)
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name     |
      | avi  | 04 83 05 01 77 | Toine Immo | Accueil Ventes |
    Et on règle le menu vocal ainsi :
      | champ            | valeur  |
      | enabled          | on      |
      | internal_number  | 7700    |
      | open_greeting_id | AVI MP3 |
    Alors le réglage est enregistré

  Scénario: Le numéro d'appel interne ne comporte que des chiffres
    Étant donné la ligne « 04 83 05 01 70 »
    Quand on règle le menu vocal ainsi :
      | champ            | valeur  |
      | enabled          | on      |
      | internal_number  | 76A     |
      | open_greeting_id | AVI MP3 |
    Alors le réglage est refusé : « ivr.internal_number.invalid » sur le champ « internal_number »

  Plan du scénario: Les touches vont de 1 à 9, sur deux niveaux au plus
    Étant donné la ligne « 04 83 05 01 70 »
    Quand on ajoute la touche :
      | path   | destination    |
      | <path> | 06 12 34 56 78 |
    Alors le réglage est refusé : « <code> » sur le champ « path »
    Et aucun réglage n'est enregistré

    Exemples:
      | path | code                      |
      | 0    | ivr_key.path.invalid      |
      | 213  | ivr_key.path.invalid      |
      | 1    | ivr_key.path.duplicate    |
      | 31   | ivr_key.path.no_sub_menu  |

  Scénario: Les touches du sous-menu renvoient vers un numéro seulement
    Étant donné la ligne « 04 83 05 01 70 »
    Quand on ajoute la touche :
      | path | kind | greeting_id |
      | 23   | menu | Sous-menu 2 |
    Alors le réglage est refusé : « ivr_key.kind.too_deep » sur le champ « kind »

  Scénario: Un sous-menu a son annonce
    Étant donné la ligne « 04 83 05 01 70 »
    Quand on ajoute la touche :
      | path | kind |
      | 3    | menu |
    Alors le réglage est refusé : « ivr_key.greeting_id.required » sur le champ « greeting_id »

  Plan du scénario: Les destinations suivent la table des renvois : ni numéro spécial, ni international hors Europe
    Étant donné la ligne « 04 83 05 01 70 »
    Quand on ajoute la touche :
      | path | destination   |
      | 3    | <destination> |
    Alors le réglage est refusé : « <code> » sur le champ « destination »
    Et aucun réglage n'est enregistré

    Exemples:
      | destination     | code                     |
      | 08 99 12 34 56  | ivr.destination.not_allowed   |
      | +1 212 555 1234 | ivr.destination.outside_zone     |
      | 112             | ivr.destination.emergency_number |

  Plan du scénario: Fixes ou mobiles, internes ou externes, en France ou en Europe
    Étant donné la ligne « 04 83 05 01 70 »
    Quand on ajoute la touche :
      | path | destination   |
      | 3    | <destination> |
    Alors le réglage est enregistré

    Exemples:
      | destination     |
      | 06 12 34 56 78  |
      | +32 2 555 12 34 |
      | 7301            |

  Scénario: Un sous-menu qui a encore des touches ne peut pas être supprimé
    Étant donné la ligne « 04 83 05 01 70 »
    Quand on supprime la touche « 2 »
    Alors le réglage est refusé : « ivr_key.path.has_keys » sur le champ « path »
    Et le message d'erreur cite « 21, 22 »

  Scénario: Un calendrier utilisé par un AVI ne peut pas être supprimé, et le refus nomme l'AVI (§4.2)
    Quand on supprime le calendrier « JOURS OUVRES »
    Alors le réglage est refusé : « calendar.name.in_use » sur le champ « name »
    Et le message d'erreur cite « 04 83 05 01 70 (Accueil Vocal Marketing) »
    Et aucun réglage n'est enregistré

# language: fr
Fonctionnalité: Le renvoi d'appel automatique interurbain de Bell
  Guide : 000_9e38ee5fe306c767.txt (Bell, portail Liaisons SIP), §4 « Renvoi d'appel
  automatique interurbain » : §4.2 « Exigences des utilisateurs », §4.3 « Tous les
  appels », §4.4 « Appels planifiés », §4.5 « Hors service », §4.6 « Liste de numéros de
  téléphone ».
  Lectures choisies :
  - le §4.2 fait de la fonction une option par utilisateur : elle est désactivée tant que
    l'option n'est pas activée pour la ligne ;
  - le guide ne dit pas quelle option l'emporte : « Tous les appels » passe avant les appels
    planifiés, et « Hors service » n'agit que lorsque le téléphone est hors ligne ;
  - « Prend fin après un nombre d'occurrences » : une occurrence est un jour où l'horaire
    s'applique (règle de récurrence de python-dateutil) ;
  - l'horaire commence à la date donnée, ou le jour de son enregistrement ;
  - des heures dont la fin précède le début passent minuit (« 18:00 à 08:00 ») :
    l'occurrence appartient au jour où elle commence et se prolonge le lendemain matin ;
  - un numéro n'est « actuellement utilisé » (§4.6) que par une option dont le sélecteur
    est activé : désactiver l'option libère le numéro, et le supprimer laisse l'option
    désactivée sans numéro.

  Contexte:
    Étant donné le client de démonstration « Transports Laurentides »
    Et la ligne « 514 555-0143 »
    Et le numéro « 514 555-0199 » dans la liste de numéros de téléphone de la ligne

  Scénario: Sans l'option, la ligne ne peut pas renvoyer ses appels
    Quand on règle le renvoi de la ligne ainsi :
      | champ              | valeur       |
      | always_enabled     | on           |
      | always_destination | 514 555-0199 |
    Alors le réglage est refusé : « forwarding.subscribed.required » sur le champ « subscribed »
    Et aucun réglage n'est enregistré

  Scénario: Tous les appels sont renvoyés vers un numéro de la liste
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                | valeur       |
      | subscribed           | on           |
      | always_enabled       | on           |
      | always_destination   | 514 555-0199 |
      | always_ring_reminder | on           |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appel est renvoyé vers « 514 555-0199 »
    Et la section du guide citée est « §4.3 »

  Scénario: Un numéro absent de la liste de numéros de téléphone est refusé
    Quand on règle le renvoi de la ligne ainsi :
      | champ              | valeur       |
      | subscribed         | on           |
      | always_enabled     | on           |
      | always_destination | 514 555-0100 |
    Alors le réglage est refusé : « forwarding.always_destination.not_in_list » sur le champ « always_destination »
    Et aucun réglage n'est enregistré

  Scénario: Le renvoi hors service n'a pas de sonnerie de rappel
    Quand on règle le renvoi de la ligne ainsi :
      | champ                        | valeur       |
      | subscribed                   | on           |
      | out_of_service_enabled       | on           |
      | out_of_service_destination   | 514 555-0199 |
      | out_of_service_ring_reminder | on           |
    Alors le réglage est refusé : « forwarding.out_of_service_ring_reminder.invalid » sur le champ « out_of_service_ring_reminder »
    Et aucun réglage n'est enregistré

  Scénario: Hors service, les appels sont renvoyés quand le téléphone est hors ligne
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                      | valeur       |
      | subscribed                 | on           |
      | out_of_service_enabled     | on           |
      | out_of_service_destination | 514 555-0199 |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « hors service »
    Alors l'appel est renvoyé vers « 514 555-0199 »
    Et la section du guide citée est « §4.5 »

  Plan du scénario: Un horaire qui prend fin après 3 occurrences ne renvoie plus la 4e semaine
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                 | valeur            |
      | subscribed            | on                |
      | scheduled_enabled     | on                |
      | scheduled_destination | 514 555-0199      |
      | scheduled_days        | lun               |
      | scheduled_start       | 09:00             |
      | scheduled_end         | 17:00             |
      | scheduled_starts_on   | 2026-11-02        |
      | scheduled_ends        | after_occurrences |
      | scheduled_occurrences | 3                 |
    Quand un appel arrive le « <lundi> 10:00 » alors que la ligne est « libre »
    Alors <résultat>

    Exemples:
      | lundi      | résultat                                 |
      | 2026-11-02 | l'appel est renvoyé vers « 514 555-0199 » |
      | 2026-11-16 | l'appel est renvoyé vers « 514 555-0199 » |
      | 2026-11-23 | la ligne sonne                           |

  Scénario: Un numéro utilisé par une option de renvoi ne peut pas être supprimé
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                      | valeur       |
      | subscribed                 | on           |
      | out_of_service_enabled     | on           |
      | out_of_service_destination | 514 555-0199 |
    Quand on supprime le numéro « 514 555-0199 » de la liste
    Alors le réglage est refusé : « forwarding_number.number.in_use » sur le champ « number »
    Et le bouton Supprimer du numéro « 514 555-0199 » est désactivé
    Et aucun réglage n'est enregistré

  Scénario: Désactiver l'option libère son numéro, qui peut alors être supprimé (§4.6)
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                      | valeur       |
      | subscribed                 | on           |
      | out_of_service_enabled     | on           |
      | out_of_service_destination | 514 555-0199 |
    Et le renvoi de la ligne réglé ainsi :
      | champ                      | valeur       |
      | subscribed                 | on           |
      | out_of_service_destination | 514 555-0199 |
    Alors le bouton Supprimer du numéro « 514 555-0199 » est actif
    Quand on supprime le numéro « 514 555-0199 » de la liste
    Alors le réglage est enregistré
    Et le numéro « 514 555-0199 » n'est plus dans la liste
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « hors service »
    Alors l'appel n'est pas renvoyé

  Plan du scénario: Un horaire de 18:00 à 08:00 passe minuit (§4.4)
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                 | valeur       |
      | subscribed            | on           |
      | scheduled_enabled     | on           |
      | scheduled_destination | 514 555-0199 |
      | scheduled_days        | lun-ven      |
      | scheduled_start       | 18:00        |
      | scheduled_end         | 08:00        |
      | scheduled_starts_on   | 2026-11-02   |
    Quand un appel arrive le « <moment> » alors que la ligne est « libre »
    Alors <résultat>

    Exemples:
      | moment           | résultat                                  |
      | 2026-11-23 07:00 | la ligne sonne                            |
      | 2026-11-23 17:59 | la ligne sonne                            |
      | 2026-11-23 18:00 | l'appel est renvoyé vers « 514 555-0199 » |
      | 2026-11-24 02:00 | l'appel est renvoyé vers « 514 555-0199 » |
      | 2026-11-24 08:00 | la ligne sonne                            |
      | 2026-11-28 07:00 | l'appel est renvoyé vers « 514 555-0199 » |
      | 2026-11-29 07:00 | la ligne sonne                            |

  Scénario: Le parcours d'un appel après minuit dit que l'horaire finit le lendemain (§4.4)
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                 | valeur       |
      | subscribed            | on           |
      | scheduled_enabled     | on           |
      | scheduled_destination | 514 555-0199 |
      | scheduled_days        | lun          |
      | scheduled_start       | 18:00        |
      | scheduled_end         | 08:00        |
      | scheduled_starts_on   | 2026-11-02   |
    Quand un appel arrive le « 2026-11-24 02:00 » alors que la ligne est « libre »
    Alors l'appel est renvoyé vers « 514 555-0199 »
    Et la règle appliquée est « bell.forwarding.scheduled »
    Et le parcours dit « 08:00 le lendemain »

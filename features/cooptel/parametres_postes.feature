# language: fr
Fonctionnalité: Paramètres des postes téléphoniques Cooptel et modification rapide
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, interface Arcade), §9.1 « Paramétrer le poste
  téléphonique » (langue par défaut, musique d'attente, ne pas déranger, message indiquant
  si l'usager est au téléphone), §9.2 « Paramètres d'administration » (enregistrer les
  appels, interception d'appels, lister dans l'annuaire, appels interurbains / appels
  internationaux, paramètres de caller ID) et §10 « Modification rapide des postes
  téléphoniques » (§10.1 à §10.3).

  Lectures retenues : les appels interurbains et internationaux sont « Illimité » tant
  qu'on ne les a pas réglés ; un appel vers un autre indicatif régional nord-américain est
  interurbain ; le poste 101 a pour numéro 514 907-3400.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Les valeurs par défaut d'un poste (§9.1, §9.2)
    Alors « extension-settings » de « 101 » vaut :
      | champ          | valeur                  |
      | language       | Français                |
      | busy_behaviour | Laisser sonner (défaut) |
    Et « do-not-disturb » de « 101 » vaut :
      | champ   | valeur |
      | enabled | non    |
    Et « call-permissions » de « 101 » vaut :
      | champ         | valeur   |
      | long_distance | Illimité |
      | international | Illimité |

  Scénario: Ne pas déranger : l'appelant entend une sonnerie indiquant que le téléphone est en dérangement (§9.1)
    Quand on règle « do-not-disturb » de « 101 » :
      | champ   | valeur |
      | enabled | oui    |
    Et l'appelant « 418 555-0100 » appelle le poste « 101 »
    Alors le parcours se termine par l'action « busy_tone »
    Et le parcours se termine par la règle « cooptel.do_not_disturb »

  Scénario: Les règles de liste noire passent avant ne pas déranger (§8, §9.1)
    Quand on règle « do-not-disturb » de « 101 » :
      | champ   | valeur |
      | enabled | oui    |
    Et l'appelant « 514 907-3400 » appelle le poste « 101 »
    Alors le parcours se termine par l'action « reject »

  Scénario: Lorsque l'usager est au téléphone, le deuxième appel va dans la boîte vocale (§9.1)
    Quand on règle « extension-settings » de « 101 » :
      | champ          | valeur                                         |
      | language       | Anglais                                        |
      | hold_music     | Musique d'attente par défaut                   |
      | busy_behaviour | Envoyer le deuxième appel dans la boîte vocale |
    Alors le réglage est enregistré
    Et « extension-settings » de « 101 » vaut :
      | champ          | valeur                                         |
      | language       | Anglais                                        |
      | busy_behaviour | Envoyer le deuxième appel dans la boîte vocale |

  Scénario: Le caller ID du poste : un nom et un numéro de l'entreprise (§9.2)
    Quand on règle « caller-id » de « 102 » :
      | champ  | valeur                        |
      | mode   | Afficher un numéro alternatif |
      | name   | Fromagerie Lac                |
      | number | 514 907-3400                  |
    Et « 102 » compose le « 514 555-0100 »
    Alors l'appel sortant passe et le correspondant voit « 514 907-3400 »

  Scénario: Le nom est limité à 15 caractères (§9.2)
    Quand on règle « caller-id » de « 102 » :
      | champ  | valeur                        |
      | mode   | Afficher un numéro alternatif |
      | name   | Fromagerie du Lac             |
      | number | 514 907-3400                  |
    Alors le réglage est refusé : « caller_id.name.too_long » sur le champ « name »
    Et aucun réglage n'est enregistré

  Scénario: Il est indispensable de mettre un nom ET un numéro de téléphone (§9.2)
    Quand on règle « caller-id » de « 102 » :
      | champ  | valeur                        |
      | mode   | Afficher un numéro alternatif |
      | number | 514 907-3400                  |
    Alors le réglage est refusé : « caller_id.name.required » sur le champ « name »
    Et aucun réglage n'est enregistré
    Quand on règle « caller-id » de « 102 » :
      | champ | valeur                        |
      | mode  | Afficher un numéro alternatif |
      | name  | Fromagerie Lac                |
    Alors le réglage est refusé : « caller_id.number.required » sur le champ « number »
    Et aucun réglage n'est enregistré

  Scénario: Le numéro est l'un de vos numéros de téléphone (§9.2 « menu déroulant »)
    Quand on règle « caller-id » de « 102 » :
      | champ  | valeur                        |
      | mode   | Afficher un numéro alternatif |
      | name   | Fromagerie Lac                |
      | number | 514 555-0199                  |
    Alors le réglage est refusé : « caller_id.number.not_of_tenant » sur le champ « number »
    Et aucun réglage n'est enregistré

  Scénario: Cacher l'identification de l'appelant : les appels sont faits en tant qu'anonyme (§9.2)
    Quand on règle « caller-id » de « 101 » :
      | champ | valeur                        |
      | mode  | Masquer le numéro de la ligne |
    Et « 101 » compose le « 514 555-0100 »
    Alors l'appel sortant passe et le correspondant voit « anonyme »

  Scénario: Appels interurbains « Avec code » : le code d'accès est obligatoire (§9.2)
    Quand on règle « call-permissions » de « 101 » :
      | champ         | valeur    |
      | long_distance | Avec code |
    Alors le réglage est refusé : « call_permissions.long_distance_code.required » sur le champ « long_distance_code »
    Et aucun réglage n'est enregistré

  Scénario: Appels interurbains « Avec code » et internationaux « Désactiver » (§9.2, §10.2 « Permissions »)
    Quand on règle « call-permissions » de « 101 » :
      | champ              | valeur     |
      | long_distance      | Avec code  |
      | long_distance_code | 4321       |
      | international      | Désactiver |
    Et « 101 » compose le « 514 555-0100 »
    Alors l'appel sortant passe et le correspondant voit « 514 907-3400 »
    Quand « 101 » compose le « 418 555-0100 »
    Alors l'appel sortant est refusé par la règle « call_permissions.long_distance.code »
    Quand « 101 » compose le « 418 555-0100 » avec le code « 4321 »
    Alors l'appel sortant passe et le correspondant voit « 514 907-3400 »
    Quand « 101 » compose le « +33 1 45 83 47 78 »
    Alors l'appel sortant est refusé par la règle « call_permissions.international.disabled »

  Scénario: La modification rapide enregistre plusieurs postes en une seule modification (§10.2, §10.3)
    Quand on enregistre la modification rapide :
      | poste | bloc             | champ         | valeur     |
      | 101   | do-not-disturb   | enabled       | oui        |
      | 102   | call-permissions | international | disabled   |
      | 102   | call-permissions | long_distance | unlimited  |
    Alors la modification rapide est enregistrée en une seule modification, 2 réglages changés
    Et « do-not-disturb » de « 101 » vaut :
      | champ   | valeur |
      | enabled | oui    |

  Scénario: Une erreur sur une rangée refuse toute la modification rapide (§10.3)
    Quand on enregistre la modification rapide :
      | poste | bloc           | champ   | valeur                |
      | 101   | do-not-disturb | enabled | oui                   |
      | 102   | caller-id      | mode    | alternate             |
      | 102   | caller-id      | name    | Fromagerie du Lac Inc |
      | 102   | caller-id      | number  | 514 907-3400          |
    Alors la modification rapide est refusée : « caller_id.name.too_long » sur « 1.caller-id.name »
    Et « do-not-disturb » de « 101 » vaut :
      | champ   | valeur |
      | enabled | non    |

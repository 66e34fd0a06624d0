# language: fr
Fonctionnalité: Le portail Arcade de Cooptel
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade),
  §3 « Gérer vos boîtes vocales », §6 « Paramètres de votre Efax », §8 « La liste
  noire » et §11.1 « Créer un nouveau poste téléphonique ».
  Lecture retenue : §11.1 cite « 311, 511, 911... » ; nous lisons tous les codes N11
  (211 à 911) et, d'après §2.1, les postes 700 à 709 de la mise en garde incitative.
  Le §6 décrit l'envoi de télécopies, pas ce qui répond à un appel vers un numéro Efax :
  l'explication d'un appel le dit plutôt que de faire sonner la ligne.

  Contexte:
    Étant donné l'opérateur « cooptel »

  Scénario: Les types de ligne
    Alors il est présenté comme « Cooptel », pays « CA », fuseau horaire « America/Toronto »
    Et ses forfaits sont :
      | forfait   | libellé              |
      | extension | Poste téléphonique   |
      | efax      | Numéro de fax (Efax) |

  Scénario: Une boîte vocale par poste téléphonique (§3)
    Alors il offre « voicemail » sur les forfaits « extension »

  Scénario: La liste noire vaut pour tout le compte et ne s'applique pas aux appels anonymes (§8)
    Alors il offre « blacklist » pour tout le client
    Et la limite « applies_to_anonymous » de « blacklist » vaut False

  Scénario: L'Efax envoie des télécopies depuis les numéros de fax du client (§6)
    Alors il offre « faxes » pour tout le client
    Et il offre « fax_numbers » sur les forfaits « efax »

  Plan du scénario: Un numéro de poste réservé est un « Poste invalide » (§11.1)
    Étant donné le client de démonstration « Fromagerie du Lac »
    Quand on ajoute une ligne au client :
      | plan      | extension   |
      | extension | <extension> |
    Alors la ligne est refusée : « line.extension.reserved » sur le champ « extension »
    Et rien n'est enregistré

    Exemples:
      | extension |
      | 311       |
      | 511       |
      | 911       |
      | 700       |

  Scénario: Un numéro de poste libre est accepté
    Étant donné le client de démonstration « Fromagerie du Lac »
    Quand on ajoute une ligne au client :
      | plan      | extension | first_name |
      | extension | 110       | Marie      |
    Alors la ligne est enregistrée au poste « 110 »

  Scénario: L'explication d'un appel au numéro Efax ne le fait pas sonner (§6)
    Étant donné le client de démonstration « Fromagerie du Lac »
    Et la ligne « 514 907-3401 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors la règle appliquée est « plan.not_modelled »
    Et aucun téléphone ne sonne

# language: fr
Fonctionnalité: Les heures d'ouverture et fermetures exceptionnelles d'un numéro Cooptel
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, interface Arcade), §4 « Programmer une
  fermeture exceptionnelle » et §5 « Configuration du message lors d'une fermeture » (§5.1,
  §5.2) : les exceptions ne sont pas liées à une année en particulier ; une exception
  paramétrée pour le 10 octobre se répétera le 10 octobre de l'année suivante.
  Lecture choisie : pendant une fermeture, l'appel au numéro suit le comportement « fermé »
  habituel, le message de fermeture, avant tout renvoi du poste.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »
    Et la ligne « 514 907-3400 »
    Et les horaires « Numéro principal » du numéro, ouverts « lun-ven 08:30-17:00 », fermés le « 2026-10-10 »

  Plan du scénario: Une exception se répète chaque année à la même date
    Quand un appel arrive le « <moment> » alors que la ligne est « libre »
    Alors l'appelant entend le message de fermeture

    Exemples:
      | moment           |
      | 2026-10-10 10:00 |
      | 2029-10-10 10:00 |
      | 2026-11-23 18:00 |

  Scénario: Pendant les heures d'ouverture, l'appel suit le réglage du poste
    Quand un appel arrive le « 2029-10-11 10:00 » alors que la ligne est « sans réponse »
    Alors l'appel est renvoyé vers « 102 »

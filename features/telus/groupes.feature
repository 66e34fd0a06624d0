# language: fr
Fonctionnalité: Ce qui répond aux appels des postes de groupe TELUS
  Guide : 002_6093346da80557bc.txt (TELUS, portail administrateur Connexion Affaires),
  section « Système téléphonique > Groupes » : « Les postes de messagerie seulement [...]
  Tous les appels acheminés à ce poste seront automatiquement dirigés vers la boîte vocale
  du poste » ; « Les postes réservés aux annonces [...] Tous les appelants acheminés vers
  ce poste entendront seulement une annonce ou un message d'accueil enregistré » ; les files
  d'attente « acheminant les appels au bon employé » et la section « Files d'attente »
  (ordre de transfert aux membres, jusqu'à 25 appels).
  Lecture retenue : aucun de ces postes n'est le téléphone d'une personne, l'explication
  d'un appel ne dit donc jamais qu'il sonne. Les membres d'une file d'attente et l'ordre
  de transfert sont décrits dans files_attente.feature.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »

  Scénario: Un appel au poste de messagerie seulement va sur sa boîte vocale
    Étant donné la ligne « 300 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appel va sur la messagerie vocale
    Et aucun téléphone ne sonne
    Et la section du guide citée est « Groupes »

  Scénario: L'appelant d'un poste réservé aux annonces entend seulement l'annonce
    Étant donné la ligne « 400 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appelant entend seulement une annonce
    Et aucun téléphone ne sonne

  Scénario: Une file d'attente distribue ses appels à ses membres
    Étant donné la ligne « 200 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors la règle appliquée est « telus.queue.distribution.cyclic »
    Et le parcours dit « Nadia Roy »

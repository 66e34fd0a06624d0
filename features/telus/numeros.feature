# language: fr
Fonctionnalité: Les numéros de l'entreprise TELUS, attribués ou non
  Guide : 002_6093346da80557bc.txt (TELUS, portail administrateur Connexion Affaires),
  section « Numéros de l'entreprise » (« attribuer et retirer des numéros de téléphone
  d'entreprise [...] Cliquez sur Attribués pour voir les numéros de téléphone attribués [...]
  Cliquez sur Non attribués pour voir les numéros de téléphone non attribués ») et « Postes
  directs » (« Utilisateurs sans téléphone – Voir le numéro, modifier le type de numéro et
  modifier pour indiquer si les appels à ce numéro seront acheminés à l'Auto-réception ou à
  Sélectionnez un poste »).
  Lectures retenues : un numéro de l'entreprise est non attribué, ou attribué et acheminé à
  l'Auto-réception ou à un poste du client ; le numéro d'une ligne n'est pas ajouté une
  seconde fois aux numéros de l'entreprise. Le transfert de numéros (« Numéro transféré et
  numéro ciblé ») n'est pas couvert. Un appel à un numéro acheminé à l'Auto-réception suit le
  parcours d'un appel au numéro de l'Auto-réception ; acheminé à un poste, celui d'un appel à
  ce poste ; un numéro non attribué ne mène nulle part.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »

  Scénario: Les numéros attribués et non attribués de la démonstration
    Alors le numéro « 604 555-0150 » est attribué : ses appels vont à « Poste 200 »
    Et le numéro « 1 800 555-0100 » est attribué : ses appels vont à « L'Auto-réception »
    Et le numéro « 604 555-0160 » est non attribué

  Scénario: Un numéro ajouté est non attribué, puis acheminé à l'Auto-réception
    Quand on ajoute le numéro « 604 555-0170 » aux numéros de l'entreprise
    Alors le numéro « 604 555-0170 » est non attribué
    Quand on achemine le numéro « 604 555-0170 » à l'Auto-réception
    Alors le numéro « 604 555-0170 » est attribué : ses appels vont à « L'Auto-réception »
    Et l'historique du client dit « Numéro de l'entreprise modifié »

  Scénario: Un numéro acheminé à un poste du client
    Quand on achemine le numéro « 604 555-0160 » au poste « 102 »
    Alors le numéro « 604 555-0160 » est attribué : ses appels vont à « Poste 102 »

  Scénario: Acheminer à un poste demande de choisir le poste
    Quand on achemine le numéro « 604 555-0160 » à un poste sans le choisir
    Alors le numéro de l'entreprise est refusé : « company_number.extension.required » sur le champ « extension »
    Et rien n'est enregistré

  Scénario: Le numéro d'une ligne est déjà celui de l'entreprise
    Quand on ajoute le numéro « 604 555-0101 » aux numéros de l'entreprise
    Alors le numéro de l'entreprise est refusé : « company_number.number.duplicate » sur le champ « number »
    Et rien n'est enregistré

  Scénario: Les appels à un numéro acheminé à l'Auto-réception suivent son parcours
    Quand un appel arrive au numéro « 1 800 555-0100 » le « 2026-11-23 10:00 » et l'appelant compose « 1 »
    Alors l'appel est acheminé à l'Auto-réception
    Et l'appelant entend « Bienvenue à la Clinique Horizon »
    Et l'appel est renvoyé vers « 200 »
    Et la règle appliquée est « ivr.key »
    Et aucun téléphone ne sonne

  Scénario: Les appels à un numéro acheminé à un poste suivent le parcours d'un appel à ce poste
    Quand on achemine le numéro « 604 555-0160 » au poste « 101 »
    Et un appel arrive au numéro « 604 555-0160 » le « 2026-11-23 10:00 » alors que la ligne jointe est « sans réponse »
    Alors l'appel est acheminé au poste « 101 »
    Et l'appel est renvoyé vers « 102 »

  Scénario: Les appels à un numéro non attribué ne vont nulle part
    Quand un appel arrive au numéro « 604 555-0161 » le « 2026-11-23 10:00 » alors que la ligne jointe est « libre »
    Alors l'appel ne va nulle part

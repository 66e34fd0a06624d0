# language: fr
Fonctionnalité: Votre numérotation privée : les contacts externes de l'annuaire d'entreprise
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §4.8 « Votre numérotation
  privée » : le module permet « d'affecter des numéros courts à l'ensemble des lignes de
  l'offre » et « d'intégrer dans l'annuaire d'entreprise de l'offre des contacts externes
  (500 au maximum) ».
  Lectures retenues :
  - Les numéros courts sont le « Numéro court » de chaque ligne (§5.1, le poste de la ligne).
  - Le guide renvoie au guide « Gérer votre VPN » pour le détail, que nous n'avons pas :
    un contact externe a un nom et un numéro, et un numéro ne figure qu'une fois dans
    l'annuaire.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Les contacts externes sont un service de tout le client (§4.8)
    Étant donné l'opérateur « sfr »
    Alors il offre « external_contacts » pour tout le client
    Et la limite « max_contacts » de « external_contacts » vaut 500

  Scénario: Intégrer un contact externe dans l'annuaire d'entreprise (§4.8)
    Quand on intègre le contact externe « Garage Fabre » au numéro « 04 93 70 11 22 »
    Alors l'annuaire contient « Garage Fabre » au numéro « +33493701122 »
    Et l'historique du client dit « Contact externe ajouté »

  Scénario: Un numéro ne figure qu'une fois dans l'annuaire
    Quand on intègre le contact externe « Notaire » au numéro « 04 93 36 12 40 »
    Alors le contact est refusé : « external_contact.number.duplicate » sur le champ « number »
    Et le message en français est « 04 93 36 12 40 est déjà dans l'annuaire, sous le nom « Cabinet Lemoine, notaire ». »
    Et rien n'est enregistré

  Scénario: 500 contacts externes au maximum (§4.8)
    Étant donné l'annuaire du client contient 500 contacts externes
    Quand on intègre le contact externe « Un de trop » au numéro « 04 93 70 11 23 »
    Alors le contact est refusé : « external_contact.item.too_many » sur le champ « name », limite 500
    Et le message en français est « L'annuaire contient au plus 500 contacts externes. »
    Et rien n'est enregistré

  Scénario: Renommer puis retirer un contact externe
    Quand on renomme le contact externe « Agence Riviera Travaux » en « Riviera Travaux »
    Alors l'annuaire contient « Riviera Travaux » au numéro « +33612457890 »
    Quand on retire le contact externe « Riviera Travaux »
    Alors l'annuaire contient 1 contact externe

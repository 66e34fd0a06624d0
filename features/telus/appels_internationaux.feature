# language: fr
Fonctionnalité: Appels internationaux et affichage des appels sortants TELUS
  Guide : 002_6093346da80557bc.txt (TELUS, Connexion Affaires), onglet Appels
  internationaux (activer, désactiver complètement, activer ou désactiver l'appel dans un
  pays en particulier), section « Utilisateurs > Affichage des appels sortants » et
  les rôles prédéfinis (« Standard : ... mais sans composition internationale »).

  Lectures retenues : les appels internationaux sont désactivés tant qu'on ne les a pas
  activés, puis chaque pays est activé ; les États-Unis sont un appel interurbain, non
  international ; les noms de pays viennent de la liste maintenue de babel.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »

  Scénario: Activer les appels internationaux, puis désactiver l'appel dans un pays (section « Appels internationaux »)
    Quand on règle « international-calls » de « 101 » :
      | champ             | valeur |
      | enabled           | oui    |
      | blocked_countries | FR, MX |
    Alors le réglage est enregistré
    Quand « 101 » compose le « +44 20 7946 0958 »
    Alors l'appel sortant passe et le correspondant voit « 604 555-0101 »
    Quand « 101 » compose le « +33 1 45 83 47 78 »
    Alors l'appel sortant est refusé par la règle « call_permissions.country.disabled »

  Scénario: Désactiver complètement les appels internationaux
    Quand on règle « international-calls » de « 101 » :
      | champ   | valeur |
      | enabled | non    |
    Et « 101 » compose le « +44 20 7946 0958 »
    Alors l'appel sortant est refusé par la règle « call_permissions.international.disabled »
    Quand « 101 » compose le « +1 212 555 0100 »
    Alors l'appel sortant passe et le correspondant voit « 604 555-0101 »

  Scénario: Un pays inconnu est refusé
    Quand on règle « international-calls » de « 101 » :
      | champ             | valeur |
      | enabled           | oui    |
      | blocked_countries | ZZ     |
    Alors le réglage est refusé : « call_permissions.blocked_countries.unknown » sur le champ « blocked_countries »
    Et aucun réglage n'est enregistré

  Scénario: Le rôle « Standard » n'a pas la composition internationale (« Rôles prédéfinis »)
    Quand on règle « international-calls » de « 102 » :
      | champ   | valeur |
      | enabled | oui    |
    Et « 102 » compose le « +44 20 7946 0958 »
    Alors l'appel sortant est refusé par la règle « telus.roles.international »

  Scénario: Affichage des appels sortants : un numéro de l'entreprise (« Utilisateurs > Affichage des appels sortants »)
    Quand « 102 » compose le « 604 555-0199 »
    Alors l'appel sortant passe et le correspondant voit « 604 555-0200 »
    Quand on règle « caller-id » de « 102 » :
      | champ  | valeur                        |
      | mode   | Afficher un numéro alternatif |
      | number | 604 555-0199                  |
    Alors le réglage est refusé : « caller_id.number.not_of_tenant » sur le champ « number »
    Et aucun réglage n'est enregistré

# language: fr
Fonctionnalité: Le courriel de l'utilisateur d'un poste Cooptel
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), §11.1 « Créer un
  nouveau poste téléphonique », « Créer un nouvel utilisateur » : « Il est important de
  donner une adresse courriel qui est, ou sera, fonctionnelle car celle-ci servira pour
  l'envoi de mot de passe et ne pourra être modifiée ultérieurement. »
  Lectures retenues : le courriel donné à la création d'un poste ne change plus, ni par le
  formulaire (il y est en lecture seule) ni par l'API ; un poste créé sans courriel (« Gérée
  par l'administrateur ») peut en recevoir un, qui ne change plus ensuite ; les autres
  renseignements du poste restent modifiables (« Toutes ces options pourront être
  modifiées ultérieurement »).

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Le courriel donné à la création ne peut être modifié ultérieurement
    Quand on modifie la ligne « 101 » ainsi :
      | champ | valeur                         |
      | email | sophie.bergeron@example.com    |
    Alors la ligne est refusée : « line.email.set_once » sur le champ « email »
    Et rien n'est enregistré

  Scénario: Le formulaire du poste montre le courriel en lecture seule
    Quand l'agent ouvre le formulaire de la ligne « 101 »
    Alors le champ « email » du formulaire est en lecture seule
    Et le champ « first_name » du formulaire est modifiable

  Scénario: L'API refuse de changer le courriel avec une erreur claire
    Quand on modifie par l'API la ligne « 101 » ainsi :
      | champ | valeur                      |
      | email | sophie.bergeron@example.com |
    Alors l'API refuse : « line.email.set_once » sur le champ « email »
    Et le message de l'API est « Une ligne « Poste téléphonique » garde la valeur donnée à sa création : ce champ ne peut pas être modifié. »

  Scénario: Les autres renseignements du poste restent modifiables
    Quand on modifie la ligne « 101 » ainsi :
      | champ      | valeur                    |
      | first_name | Sophie-Anne               |
      | email      | sophie@fromageriedulac.ca |
    Alors la ligne est enregistrée au poste « 101 »

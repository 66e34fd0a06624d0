# language: fr
Fonctionnalité: Le système téléphonique Connexion Affaires de TELUS
  Guide : 002_6093346da80557bc.txt (TELUS, portail administrateur Connexion Affaires),
  sections « Files d'attente », « Postes de messagerie seulement », « Postes réservés
  aux annonces », « Nom d'appelant de l'entreprise » et « Gérer les rôles et les
  autorisations ».

  Contexte:
    Étant donné l'opérateur « telus »

  Scénario: Les types de poste
    Alors il est présenté comme « TELUS », pays « CA », fuseau horaire « America/Toronto »
    Et ses forfaits sont :
      | forfait           | libellé                       |
      | user              | Utilisateur avec poste        |
      | queue             | File d'attente                |
      | voicemail_only    | Poste de messagerie seulement |
      | announcement_only | Poste réservé aux annonces    |

  Scénario: Les files d'attente peuvent prendre jusqu'à 25 appels
    Alors il offre « queues » sur les forfaits « queue »
    Et la limite « max_calls_waiting » de « queues » vaut 25

  Scénario: Le nom d'appelant de l'entreprise compte jusqu'à 15 caractères
    Alors il offre « ivr » pour tout le client
    Et la limite « company_caller_name_max_length » de « ivr » vaut 15

  Scénario: Les 7 rôles prédéfinis ne peuvent être modifiés
    Alors il offre « roles » sur les forfaits « user »
    Et la limite « editable » de « roles » vaut False
    Et la limite « super_admin_extension » de « roles » vaut 101

  Scénario: Un poste de messagerie seulement n'a besoin que de son numéro de poste
    Étant donné le client de démonstration « Clinique Horizon »
    Quand on ajoute une ligne au client :
      | plan           | extension | first_name     |
      | voicemail_only | 301       | Boîte générale |
    Alors la ligne est enregistrée au poste « 301 »

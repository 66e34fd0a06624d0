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

  Scénario: Les files d'attente et l'auto-réception sont proposées aux agents
    Alors il offre « hunt_groups » sur les forfaits « queue »
    Et il offre « ivr » pour tout le client
    Et il offre « business_hours » pour tout le client
    Et la limite « max_length » de « company_caller_name » vaut 15

  Scénario: Les 7 rôles prédéfinis, dont le super administrateur au poste 101
    Alors il offre « roles » sur les forfaits « user »
    Et la limite « super_admin_extension » de « roles » vaut 101

  Scénario: Un poste de messagerie seulement n'a besoin que de son numéro de poste
    Étant donné le client de démonstration « Clinique Horizon »
    Quand on ajoute une ligne au client :
      | plan           | extension | first_name     |
      | voicemail_only | 301       | Boîte générale |
    Alors la ligne est enregistrée au poste « 301 »

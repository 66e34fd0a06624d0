# language: fr
Fonctionnalité: L'offre Pack Business Unifié de SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire),
  §3 « Les Forfaits et les Options », §3.1.1 « Forfait Fixe » et
  §5.2 « Listes des services paramétrables en fonction du type de ligne ».

  Contexte:
    Étant donné l'opérateur « sfr »

  Scénario: L'opérateur et ses forfaits
    Alors il est présenté comme « SFR », pays « FR », fuseau horaire « Europe/Paris »
    Et ses forfaits sont :
      | forfait     | libellé                               |
      | fixe        | Forfait Fixe                          |
      | fixe_mobile | Forfait numéro fixe pour ligne mobile |
      | mobile      | Ligne mobile avec option PABX         |
      | analogique  | Forfait analogique                    |
      | groupement  | Groupement d'appels                   |
      | avi         | Accueil Vocal Interactif              |

  Scénario: Les services paramétrables selon le type de ligne (§5.2)
    Alors il offre « blacklist » sur les forfaits « fixe, fixe_mobile, mobile, analogique »
    Et la limite « max_numbers » de « blacklist » vaut 36
    Et il offre « anonymous_call_rejection » sur les forfaits « fixe, fixe_mobile, mobile, analogique »
    Et il offre « voicemail » sur les forfaits « fixe, fixe_mobile, mobile »
    Et il offre « programmable_keys » sur les forfaits « fixe »
    Et il offre « devices » sur les forfaits « fixe, analogique »
    Et il offre « ivr » sur les forfaits « avi »
    Et la limite « levels » de « ivr » vaut 2
    Et il offre « line_announcements » sur les forfaits « fixe, mobile »
    Et il offre « announcements » pour tout le client
    Et il offre « hunt_groups » sur les forfaits « groupement »
    Et il offre « pickup_groups » pour tout le client
    Et il offre « sites » pour tout le client
    Et il offre « plan_inventory » pour tout le client
    Et il offre « collaboration » sur les forfaits « fixe »

  Scénario: Une ligne fixe est rattachée à un site, avec un utilisateur et son @mail (§3.1.1)
    Étant donné le client de démonstration « Toine Immo »
    Quand on ajoute une ligne au client :
      | plan | number         | first_name | last_name |
      | fixe | 04 83 05 01 99 | Julie      | Bertrand  |
    Alors la ligne est refusée : « line.site_id.required » sur le champ « site_id »
    Et la ligne est refusée : « line.email.required » sur le champ « email »
    Et rien n'est enregistré

  Scénario: Une ligne fixe complète est enregistrée au format international
    Étant donné le client de démonstration « Toine Immo »
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name | last_name | email                       |
      | fixe | 04 83 05 01 99 | Toine Immo | Julie      | Bertrand  | toineimmo+julie@gmail.com   |
    Alors la ligne est enregistrée au numéro « +33483050199 »

  Scénario: Un numéro déjà attribué à une ligne du client est refusé
    Étant donné le client de démonstration « Toine Immo »
    Quand on ajoute une ligne au client :
      | plan | number            | site       | first_name | last_name | email                      |
      | fixe | +33 4 83 05 01 73 | Toine Immo | Julie      | Bertrand  | toineimmo+julie@gmail.com  |
    Alors la ligne est refusée : « line.number.duplicate » sur le champ « number »
    Et rien n'est enregistré

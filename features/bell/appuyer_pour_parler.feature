# language: fr
Fonctionnalité: L'outil d'administration pour entreprise Appuyer-pour-Parler de Bell
  Guide : 001_bd78f33463b5f0c1.txt (Bell, outil d'administration pour entreprise
  Appuyer-pour-Parler). Le texte n'a pas de sections numérotées : chaque scénario nomme le
  passage qu'il transcrit (« Pour activer les groupes de discussion », « Supprimer la
  Messagerie sécurisée intégrée et le message vocal comme solution de repli », « Ajouter un
  contact externe », « Gérer les sous-listes », « Comment créer un groupe »...).
  Lectures choisies :
  - la liste maîtresse réunit les appareils Appuyer-pour-Parler du client (ses lignes du
    forfait « ptt ») et ses contacts externes ; les membres des sous-listes et des groupes en
    viennent ;
  - le guide montre un menu déroulant « Priorité » sans en donner les valeurs : trois niveaux,
    1 étant la priorité la plus élevée ;
  - la liste de balayage d'un appareil ne reprend que les groupes dont il est membre : un
    appareil retiré d'un groupe, ou un groupe supprimé, quitte la liste de balayage ;
  - la messagerie sécurisée intégrée et le message vocal de repli sont activés tant que
    l'administrateur ne les a pas désactivés ;
  - « les mises à jour sont automatiquement effectuées sur vos appareils » : chaque
    modification est un ordre envoyé au réseau, qui l'applique aux appareils.

  Contexte:
    Étant donné le client de démonstration « Transports Laurentides »

  Scénario: La liste maîtresse réunit les appareils et les contacts externes (« Gérer la liste maîtresse »)
    Alors la liste maîtresse compte les appareils « Camion 12, Camion 14 »
    Et la liste maîtresse compte le contact externe « Répartition Laurentides »

  Plan du scénario: Le nom du contact externe compte 30 caractères au plus (« Ajouter un contact externe »)
    Quand on ajoute le contact externe « <nom> » au numéro « 450 555-0199 »
    Alors <résultat>

    Exemples:
      | nom                             | résultat                                                                         |
      | Entrepôt de Saint-Jérôme, quai  | le réglage est enregistré                                                        |
      | Entrepôt de Saint-Jérôme, quai1 | le réglage est refusé : « ptt_contact.name.invalid » sur le champ « name »       |

  Plan du scénario: Le numéro de téléphone du contact externe compte dix chiffres (« Ajouter un contact externe »)
    Quand on ajoute le contact externe « Garage Mirabel » au numéro « <numéro> »
    Alors <résultat>

    Exemples:
      | numéro          | résultat                                                                      |
      | 450 555-0199    | le réglage est enregistré                                                     |
      | 450 555-019     | le réglage est refusé : « ptt_contact.number.invalid » sur le champ « number » |
      | 1 450 555-0199  | le réglage est refusé : « ptt_contact.number.invalid » sur le champ « number » |
      | 450 555-O199    | le réglage est refusé : « ptt_contact.number.invalid » sur le champ « number » |

  Scénario: Retirer un contact externe demande une confirmation (« Pour retirer un contact externe »)
    Quand l'agent clique sur « Supprimer » pour le contact externe « Garage Lachute »
    Alors la page demande « Êtes-vous sûr de vouloir supprimer « Garage Lachute, (450) 555-0163 » ? »
    Quand l'agent confirme la suppression
    Alors la liste maîtresse ne compte plus le contact externe « Garage Lachute »
    Et le groupe « Secteur nord » compte 2 membres

  Scénario: Une sous-liste a un nom et des membres (« Gérer les sous-listes »)
    Quand on ajoute la sous-liste « Équipe de soir » avec « Camion 14, Répartition Laurentides »
    Alors le réglage est enregistré
    Et la sous-liste « Équipe de soir » compte 2 membres
    Et les appareils reçoivent un ordre « ptt_sub_list »

  Scénario: Retirer des membres réduit le nombre de membres indiqué (« Pour retirer des membres de la liste »)
    Étant donné la sous-liste « Équipe de jour » compte 3 membres
    Quand on retire « Camion 12 » de la sous-liste « Équipe de jour »
    Alors le réglage est enregistré
    Et la sous-liste « Équipe de jour » compte 2 membres

  Scénario: Un membre d'une sous-liste vient de la liste maîtresse (« Gérer les sous-listes »)
    Quand on ajoute la sous-liste « Bureau » avec « Julie Tremblay »
    Alors le réglage est refusé : « ptt_sub_list.members.unknown » sur le champ « members »
    Et aucun réglage n'est enregistré

  Scénario: Supprimer une sous-liste demande une confirmation (« Gérer les sous-listes »)
    Quand l'agent clique sur « Supprimer » pour la sous-liste « Équipe de jour »
    Alors la page demande « Êtes-vous sûr de vouloir supprimer « Équipe de jour (3 membres) » ? »
    Quand l'agent confirme la suppression
    Alors la sous-liste « Équipe de jour » n'existe plus

  Scénario: Un groupe de discussion a un nom et des membres (« Comment créer un groupe »)
    Quand on ajoute le groupe « Secteur sud » avec « Camion 14, Garage Lachute »
    Alors le réglage est enregistré
    Et le groupe « Secteur sud » compte 2 membres
    Et les appareils reçoivent un ordre « ptt_talk_group »

  Scénario: Supprimer un groupe demande une confirmation et le retire des listes de balayage (« Comment supprimer un groupe »)
    Quand l'agent clique sur « Supprimer » pour le groupe « Secteur nord »
    Alors la page demande « Êtes-vous sûr de vouloir supprimer « Secteur nord (3 membres) » ? »
    Quand l'agent confirme la suppression
    Alors le groupe « Secteur nord » n'existe plus
    Et la liste de balayage de « Camion 12 » est vide

  Scénario: Activer le balayage des groupes de discussion d'un contact (« Pour activer les groupes de discussion »)
    Quand on coche « Activer le balayage des groupes de discussion » pour « Camion 14 »
    Alors le réglage est enregistré
    Et le balayage des groupes de discussion de « Camion 14 » est activé
    Et les appareils reçoivent un ordre « ptt_scanning »

  Plan du scénario: Chaque groupe de la liste de balayage a sa priorité (« Pour activer les groupes de discussion »)
    Quand on ajoute le groupe « Secteur nord » à la liste de balayage de « Camion 14 » en priorité « <priorité> »
    Alors <résultat>

    Exemples:
      | priorité | résultat                                                                                  |
      | 1        | le réglage est enregistré                                                                 |
      | 3        | le réglage est enregistré                                                                 |
      | 4        | le réglage est refusé : « ptt_scan_entry.priority.invalid » sur le champ « priority »      |
      | 0        | le réglage est refusé : « ptt_scan_entry.priority.invalid » sur le champ « priority »      |

  Scénario: Seuls les groupes dont le contact est membre vont sur sa liste de balayage (« Pour activer les groupes de discussion »)
    Étant donné le groupe « Secteur sud » avec « Camion 14 »
    Quand on ajoute le groupe « Secteur sud » à la liste de balayage de « Camion 12 » en priorité « 1 »
    Alors le réglage est refusé : « ptt_scan_entry.group_id.not_member » sur le champ « group_id »
    Et aucun réglage n'est enregistré

  Scénario: Désactiver la messagerie sécurisée intégrée désactive aussi le message vocal de repli (« Supprimer la Messagerie sécurisée intégrée et le message vocal comme solution de repli »)
    Alors la messagerie sécurisée intégrée de « Camion 12 » est activée, avec le message vocal de repli
    Quand on désactive la messagerie sécurisée intégrée de « Camion 12 » en laissant le message vocal de repli coché
    Alors le réglage est enregistré
    Et la messagerie sécurisée intégrée de « Camion 12 » est désactivée, sans le message vocal de repli
    Et les appareils reçoivent un ordre « ptt_messaging »

  Scénario: Les services de localisation ne peuvent pas être supprimés (« Remarque »)
    Quand on décoche les services de localisation de « Camion 12 »
    Alors le réglage est refusé : « ptt_messaging.location_services.locked » sur le champ « location_services »
    Et le message d'erreur cite « Les services de localisation ne peuvent pas être supprimés »
    Et aucun réglage n'est enregistré

  Scénario: Les mises à jour sont automatiquement effectuées sur les appareils (« Pour commencer »)
    Quand on ajoute le contact externe « Garage Mirabel » au numéro « 450 555-0199 »
    Alors le réseau de Bell applique l'ordre « ptt_contact » : « Envoyé automatiquement aux appareils Appuyer-pour-Parler. »

"""TELUS demo tenant, after guide 002: the super administrator on extension 101 and the
queue "Soutien de la clientèle" the guide uses as its example. The company is made up.
Forwarding (Utilisateurs > Gestion et renvoi des appels): Nadia's unanswered calls go to
Olivier's extension; Olivier is in do-not-disturb. Voicemail (Messages et avis): Nadia's
mailbox plays a custom greeting (a short WAV made here) and notifies her by e-mail; the
voicemail-only extension 300 sends its messages, attached, to Nadia. The queue's members
are Nadia and Olivier, in rotation by extension; Nadia receives its messages and is
notified of voice messages and missed calls. The queue plays its custom greeting
"accueil-soutien.wav" and the default hold music, within its hours "Heures du Soutien"
(Monday to Friday 8:00-18:00); after hours, the default greeting and its voicemail.
Auto-receptionist (Paramètres de l'Auto-réception): on the main number 604 555-0100, with
business hours Monday to Friday 8:00-17:00; by day key 1 connects to the queue, key 2 to
Nadia; after hours the default greeting and key 1 to the after-hours voicemail; callers
who press nothing are connected to the operator. Call log (Liste d'appels): the network
carries a month of the company's calls, and the log is e-mailed to Nadia every Monday.
Users (Utilisateurs): Nadia Roy (Direction) holds 101, Olivier Chen (Soins infirmiers) 102;
extension 103 is not assigned yet ("Postes non attribués"). Company numbers (Numéros de
l'entreprise): the toll-free 1 800 555-0100 goes to the auto-receptionist, 604 555-0150 to
the queue's extension 200, and 604 555-0160 and 604 555-0161 are not assigned."""

from sqlalchemy import select

from backoffice.plugin import Line, audio_limits, db, forwarding_of, store_audio
from plugins.telus import (
    call_log,
    calling_options,
    company,
    forwarding,
    ivr,
    queues,
    users,
    voicemail,
)


def load(factory) -> None:
    tenant = factory.tenant("Clinique Horizon", "telus")
    factory.line(tenant, plan="user", extension="101", number="604 555-0101",
                 first_name="Nadia", last_name="Roy", email="nadia.roy@cliniquehorizon.ca")
    factory.line(tenant, plan="user", extension="102", number="604 555-0102",
                 first_name="Olivier", last_name="Chen", email="olivier.chen@cliniquehorizon.ca")
    setup_forwarding(factory, tenant)
    queue = factory.line(tenant, plan="queue", extension="200", number="604 555-0200",
                         first_name="Soutien de la clientèle",
                         email="nadia.roy@cliniquehorizon.ca")
    setup_queue(factory, tenant, queue)
    factory.line(tenant, plan="voicemail_only", extension="300",
                 first_name="Messagerie après les heures")
    factory.line(tenant, plan="announcement_only", extension="400",
                 first_name="Heures d'ouverture")
    calling_options.load_demo(factory, tenant)
    voicemail.setup(factory, tenant)
    setup_ivr(factory, tenant)
    if not company.read(tenant, None)["caller_name"]:
        company.BLOCK.write(tenant, None, {"caller_name": "Clin. Horizon"})  # 16 is too many
        factory.created += 1
    call_log.load_demo(factory, tenant)
    factory.line(tenant, plan="user", extension="103", number="604 555-0103")
    setup_users(factory, tenant)


def setup_users(factory, tenant) -> None:
    """Nadia and Olivier hold 101 and 102; the company's numbers. Skipped when there."""
    if not users.USERS_BLOCK.items(tenant, None):
        for data in ({"first_name": "Nadia", "last_name": "Roy", "department": "Direction",
                      "email": "nadia.roy@cliniquehorizon.ca", "extension": "101"},
                     {"first_name": "Olivier", "last_name": "Chen",
                      "department": "Soins infirmiers",
                      "email": "olivier.chen@cliniquehorizon.ca", "extension": "102"}):
            users.USERS_BLOCK.add(tenant, None, data)
            factory.created += 1
    if not users.NUMBERS_BLOCK.items(tenant, None):
        for data in ({"number": "1 800 555-0100", "route": "ivr"},
                     {"number": "604 555-0150", "route": "extension", "extension": "200"},
                     {"number": "604 555-0160"}, {"number": "604 555-0161"}):
            users.NUMBERS_BLOCK.add(tenant, None, data)
            factory.created += 1


def setup_forwarding(factory, tenant) -> None:
    """Extension 101 forwards on no answer to 102; 102 is in do-not-disturb."""
    extensions = {line.extension: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    settings = {"101": {"no_answer_enabled": True, "no_answer_destination": "102"},
                "102": {"do_not_disturb_enabled": True}}
    for extension, data in settings.items():
        if forwarding_of(extensions[extension]) is None:
            forwarding.BLOCK.write(tenant, extensions[extension], data)
            factory.created += 1


def setup_queue(factory, tenant, queue) -> None:
    """The queue's members (101, 102) and settings; skipped when there."""
    settings, members = queues.BLOCKS
    extensions = {line.extension: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    if not members.items(tenant, queue):
        for extension in ("101", "102"):
            members.add(tenant, queue, {"line_id": extensions[extension].id})
            factory.created += 1
    if settings.read(tenant, queue)["message_recipient"] is None:  # members made the row
        hours = ivr.BLOCKS[3].add(tenant, None, {"name": "Heures du Soutien",
                                                 "hours": ["mon-fri 08:00-18:00"]})
        greeting = store_audio(tenant, voicemail.demo_greeting(3.0), "accueil-soutien.wav",
                               audio_limits(tenant, "hunt_groups.greeting"),
                               object_type="hunt_group", field="greeting_audio_id")
        settings.write(tenant, queue, {
            "distribution": "cyclic", "overflow": "voicemail", "calendar_id": hours.id,
            "greeting": "custom", "greeting_audio_id": greeting.id,
            "after_hours_greeting": "default", "hold_music": "default",
            "message_recipient": extensions["101"].id,
            "notify_email": "nadia.roy@cliniquehorizon.ca", "notify_voicemail": True,
            "notify_missed": True})
        factory.created += 2


def setup_ivr(factory, tenant) -> None:
    """The auto-receptionist on the main number; skipped when it has its keys."""
    main = factory.line(tenant, plan="user", extension="100", number="604 555-0100",
                        first_name="Réception", email="reception@cliniquehorizon.ca")
    settings, keys, announcements, hours = ivr.BLOCKS
    if keys.items(tenant, None):
        return
    calendar = hours.add(tenant, None, {"name": "Heures de l'entreprise",
                                        "hours": ["mon-fri 08:00-17:00"]})
    greeting = announcements.add(tenant, None, {"name": "Bienvenue à la Clinique Horizon"})
    settings.write(tenant, None, {"enabled": True, "line_id": main.id,
                                  "calendar_id": calendar.id, "open_greeting_id": greeting.id,
                                  "no_input": "operator"})
    factory.created += 3
    for data in ({"path": "1", "destination": "200", "label": "Soutien de la clientèle"},
                 {"path": "2", "destination": "101", "label": "Nadia Roy"},
                 {"hours": "closed", "path": "1", "destination": "300",
                  "label": "Messagerie après les heures"}):
        keys.add(tenant, None, data)
        factory.created += 1

"""Flask extensions, created unbound and initialised by the app factory."""

import orjson
from flask_babel import Babel
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def json_text(value: object) -> str:
    """``value`` as JSON text, as JSON columns store it: with orjson, which writes the
    several-MB documents of a large import (its rows, audit record and orders) 5 to 10
    times faster than the standard library; moments as ISO 8601, keys of any type as text."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


db = SQLAlchemy(model_class=Base, engine_options={"json_serializer": json_text,
                                                   "json_deserializer": orjson.loads})
migrate = Migrate()
babel = Babel()

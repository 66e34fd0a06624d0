"""Bulk import and export of lines: dry run report, all or nothing, bad files, progress in
the API, one audit record, the carrier's orders, and an export that imports unchanged."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook
from rq import SimpleWorker
from sqlalchemy import func, select

from backoffice.core import jobs
from backoffice.core.bulk.models import LineImport
from backoffice.core.bulk.reading import COLUMNS
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder
from backoffice.core.tenants import create_site, create_tenant
from backoffice.extensions import db
from backoffice.testing.auth import csrf_token

HEADER = ",".join(COLUMNS)


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def xlsx_file(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def sfr(app):
    tenant = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    create_site(tenant, {"name": "Grasse", "street": "0 PLACE SAINT ANTOINE",
                         "postal_code": "06520", "city": "GRASSE", "country": "FR"})
    return tenant


@pytest.fixture
def bell(app):
    return create_tenant({"name": "Érablière", "carrier_id": "bell"})


def sfr_rows(count: int, start: int = 0) -> list[str]:
    """SFR "mobile" lines, then "fixe" lines each associated with a mobile of the file."""
    rows = []
    for i in range(start, start + count):
        rows.append(f"mobile,+3361{i:07d},{100 + i},Ana{i},Biel{i},,,,")
    return rows


def post(client, url: str, **kwargs):
    """A post with the CSRF token of the agent's session, as the pages send it; in English."""
    return client.post(url, headers={"X-CSRFToken": csrf_token(client, "/?lang=en"),
                                     "Accept-Language": "en"}, **kwargs)


def upload(client, tenant, content: bytes, name: str = "lines.csv", api: bool = False):
    data = {"file": (io.BytesIO(content), name)}
    url = f"/api/v1/tenants/{tenant.id}/imports" if api else f"/tenants/{tenant.id}/bulk/check"
    return post(client, url, data=data, content_type="multipart/form-data")


def test_a_dry_run_reports_each_bad_row_in_the_agents_language_and_saves_nothing(
        sfr, agent_client):
    client = agent_client("support_agent", "sfr")
    content = csv_file(
        "mobile,06 10 00 00 01,101,Ana,Biel,ana@toine.fr,,,",
        "fixe,04 83 05 01 73,102,Luc,Roux,luc@toine.fr,Grasse,06 10 00 00 01,",
        "fixe,04 83 05 01 74,103,Léa,Roux,ana@toine.fr,Grasse,06 10 00 00 01,",  # @mail again
        "mobile,06 10 00 00 01,104,Max,Roux,,,,",  # number of row 2 again
        "mobile,01 02 03 04 05,105,Eve,Roux,,,,",  # not a mobile number (SFR's rule)
        "fixe,04 83 05 01 75,106,Paul,Roux,paul@toine.fr,Nantes,,",  # unknown site
        "nouveau,06 10 00 00 09,107,Zoé,Roux,,,,",  # unknown plan
    )
    before = (count(Line), count(AuditRecord), count(ProvisioningOrder))
    response = upload(client, sfr, content)
    assert response.status_code == 302
    job = db.session.scalars(select(LineImport)).one()
    assert job.status == "checked" and job.total == 7
    assert (count(Line), count(AuditRecord), count(ProvisioningOrder)) == before
    report = {entry["row"]: {e["field"]: e["code"] for e in entry["errors"]}
              for entry in job.report}
    assert report == {
        4: {"email": "line.email.duplicate"},
        5: {"number": "line.number.duplicate"},
        6: {"number": "line.number.not_allowed"},
        7: {"site": "line.site.unknown"},
        8: {"plan": "line.plan.unknown"},
    }
    page = client.get(response.headers["Location"] + "?lang=fr").get_data(as_text=True)
    assert "est aussi à la ligne 2 du fichier" in page
    assert "Import the" not in page and "Importer les" not in page
    english = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "is also on row 2 of the file" in english


def test_a_clean_file_imports_as_one_change_with_the_carriers_orders(sfr, agent_client):
    client = agent_client("support_agent", "sfr")
    content = csv_file(
        "mobile,06 10 00 00 01,101,Ana,Biel,ana@toine.fr,,,",
        "fixe,04 83 05 01 73,102,Luc,Roux,luc@toine.fr,grasse,06 10 00 00 01,00:11:22:aa:bb:cc",
        *sfr_rows(20, start=10))
    job_url = upload(client, sfr, content).headers["Location"]
    job = db.session.scalars(select(LineImport)).one()
    assert job.report == []
    assert "Import the 22 lines" in client.get(job_url + "?lang=en").get_data(as_text=True)
    assert post(client, f"{job_url}/start").status_code == 302
    db.session.expire_all()
    assert job.status == "done" and count(Line) == 22
    audits = db.session.scalars(select(AuditRecord).where(
        AuditRecord.object_type != "tenant", AuditRecord.object_type != "site")).all()
    assert [(a.object_type, a.actor) for a in audits] == [
        ("line_import", "support_agent.sfr@test.example")]
    assert len(audits[0].after["lines"]) == 22 and job.audit_id == audits[0].id
    orders = db.session.scalars(select(ProvisioningOrder).where(  # SFR: one per line
        ProvisioningOrder.object_type.in_(["line", "line_import"]))).all()
    assert len(orders) == 22 and {o.object_type for o in orders} == {"line"}
    assert {o.audit_id for o in orders} == {audits[0].id}
    fixe = db.session.scalar(select(Line).where(Line.plan == "fixe"))
    assert fixe.associated_number == "+33610000001" and fixe.mac == "001122AABBCC"
    page = client.get(job_url + "?lang=fr").get_data(as_text=True)
    assert "<progress" in page and "Importé" in page


def test_a_batched_carrier_gets_one_order_for_the_whole_import(bell, agent_client):
    client = agent_client("support_agent", "bell")
    rows = [["liaisons_sip", f"+1514555{i:04d}", str(200 + i), "Jean", f"Roy{i}", None, None,
             None, None] for i in range(30)]
    response = upload(client, bell, xlsx_file(rows), "lignes.xlsx", api=True)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["status"] == "checked" and body["report"] == [] and body["total"] == 30
    started = post(client, f"/api/v1/tenants/{bell.id}/imports/{body['id']}/start")
    assert started.status_code == 202
    progress = client.get(f"/api/v1/tenants/{bell.id}/imports/{body['id']}").get_json()
    assert progress["status"] == "done" and progress["percent"] == 100
    assert progress["done"] == 30
    orders = db.session.scalars(select(ProvisioningOrder)).all()
    assert len(orders) == 1 and orders[0].object_type == "line_import"
    assert len(orders[0].payload["lines"]) == 30 and orders[0].status == "applied"


def test_all_or_nothing_when_the_data_changed_since_the_dry_run(bell, agent_client):
    from backoffice.core.lines import create_line

    client = agent_client("support_agent", "bell")
    body = upload(client, bell, csv_file("liaisons_sip,514 555 0100,200,Jean,Roy,,,,",
                                         "liaisons_sip,514 555 0101,201,Anne,Roy,,,,"),
                  api=True).get_json()
    assert body["report"] == []
    create_line(bell, {"plan": "liaisons_sip", "number": "514 555 0101"})  # meanwhile
    post(client, f"/api/v1/tenants/{bell.id}/imports/{body['id']}/start")
    progress = client.get(f"/api/v1/tenants/{bell.id}/imports/{body['id']}").get_json()
    assert progress["status"] == "rejected"
    assert progress["report"][0]["row"] == 3
    assert progress["report"][0]["errors"][0]["code"] == "line.number.duplicate"
    assert count(Line) == 1 and db.session.scalar(
        select(func.count()).where(AuditRecord.object_type == "line_import")) == 0
    again = post(client, f"/api/v1/tenants/{bell.id}/imports/{body['id']}/start")
    assert again.status_code == 409


@pytest.mark.parametrize(("content", "name", "code", "words"), [
    (b"plan,number\nliaisons_sip,5145550100\n", "a.csv", "line_import.file.bad_columns",
     "Missing: extension"),
    (csv_file("liaisons_sip,514 555 0100,200,Jérôme,Roy,,,,").decode().encode("latin-1"),
     "a.csv", "line_import.file.bad_encoding", "UTF-8"),
    (csv_file(*[f"liaisons_sip,,{i},,,,,," for i in range(101)]), "a.csv",
     "line_import.file.too_many_rows", "at most 100"),
    (csv_file("liaisons_sip,=A1+1,200,,,,,,"), "a.csv", "line_import.file.formula", "number2"),
    (b"PK\x03\x04 not a zip", "a.xlsx", "line_import.file.unreadable", "XLSX"),
    (b"", "a.csv", "line_import.file.empty", "empty"),
    (b"plan\n", "a.xls", "line_import.file.unsupported_format", "not a CSV or XLSX"),
])
def test_a_bad_file_gets_a_clear_answer(make_app, agent_client, content, name, code, words):
    app = make_app(BULK_MAX_ROWS=100)
    with app.app_context():
        bell = create_tenant({"name": "Érablière", "carrier_id": "bell"})
        client = agent_client("support_agent", "bell", app=app)
        response = upload(client, bell, content, name, api=True)
        assert response.status_code == 422
        problem = response.get_json()
        assert problem["code"] == code and words in problem["detail"], problem
        page = upload(client, bell, content, name)
        assert page.status_code == 422 and words.split()[0] in page.get_data(as_text=True)
        assert count(LineImport) == 0


def test_a_formula_in_an_xlsx_cell_is_refused(bell, agent_client):
    client = agent_client("support_agent", "bell")
    content = xlsx_file([["liaisons_sip", "=CONCAT(\"+1\",\"5145550100\")", 200, None, None,
                          None, None, None, None]])
    problem = upload(client, bell, content, "f.xlsx", api=True).get_json()
    assert problem["code"] == "line_import.file.formula" and "number2" in problem["detail"]


def test_formula_cells_are_named_five_at_most_and_an_equals_sign_inside_a_value_is_kept():
    from backoffice.core.bulk.reading import FileProblem, read_rows

    formulas = csv_file(*[f"liaisons_sip,=A{i},{200 + i},,,,,," for i in range(7)])
    with pytest.raises(FileProblem) as problem:
        read_rows("f.csv", io.BytesIO(formulas))
    assert problem.value.params["cells"] == "number2, number3, number4, number5, number6"
    rows = read_rows("f.csv", io.BytesIO(csv_file(" liaisons_sip , 5145550100 ,200,a=b,,,,,")))
    assert rows == [{"row": 2, "plan": "liaisons_sip", "number": "5145550100",
                     "extension": "200", "first_name": "a=b", "last_name": "", "email": "",
                     "site": "", "associated_number": "", "mac": ""}]


def test_a_large_file_is_accepted_beyond_the_ordinary_body_limit(bell, agent_client):
    client = agent_client("support_agent", "bell")
    rows = [f"liaisons_sip,+1514{5000000 + i},{1000 + i},Prénom{i},Nom{i},"
            f"user{i}@erabliere.ca,,,{i:012X}" for i in range(2000)]
    content = csv_file(*rows)
    content += b"\n" * (1024 * 1024 - len(content) + 10)  # past the 1 MiB of other bodies
    body = upload(client, bell, content, api=True).get_json()
    assert body["total"] == 2000 and body["report"] == []


def test_an_export_imports_back_unchanged(sfr, agent_client):
    client = agent_client("support_agent", "sfr")
    content = csv_file(
        "mobile,06 10 00 00 01,101,Ana,Biel,ana@toine.fr,,,",
        "fixe,04 83 05 01 73,102,Luc,Roux,luc@toine.fr,Grasse,06 10 00 00 01,001122AABBCC",
        *sfr_rows(5, start=10))
    url = upload(client, sfr, content).headers["Location"]
    post(client, f"{url}/start")
    for fmt in ("csv", "xlsx"):
        exported = client.get(f"/tenants/{sfr.id}/bulk/export.{fmt}")
        assert exported.status_code == 200
        data = exported.get_data()
        if fmt == "xlsx":
            sheet = load_workbook(io.BytesIO(data)).worksheets[0]
            assert [c.value for c in sheet[1]] == list(COLUMNS)
        other = create_tenant({"name": f"Copie {fmt}", "carrier_id": "sfr"})
        create_site(other, {"name": "Grasse"})
        copied = upload(client, other, data, f"export.{fmt}").headers["Location"]
        assert post(client, f"{copied}/start").status_code == 302
        again = client.get(f"/tenants/{other.id}/bulk/export.{fmt}").get_data()
        if fmt == "csv":
            assert again == data
        else:
            first = [[c.value for c in r] for r in load_workbook(io.BytesIO(data)).active]
            second = [[c.value for c in r] for r in load_workbook(io.BytesIO(again)).active]
            assert first == second and len(first) == 8
    api = client.get(f"/api/v1/tenants/{sfr.id}/lines/export?format=csv")
    assert api.status_code == 200 and api.get_data().decode("utf-8-sig").startswith(HEADER)


def test_the_template_of_each_carrier_names_the_columns_and_its_plans(bell, agent_client):
    client = agent_client("support_agent", "bell")
    workbook = load_workbook(io.BytesIO(
        client.get(f"/tenants/{bell.id}/bulk/template.xlsx").get_data()))
    assert [c.value for c in workbook.worksheets[0][1]] == list(COLUMNS)
    assert {row[0].value for row in workbook["plans"].iter_rows(min_row=2)} == {
        "liaisons_sip", "ptt"}
    csv_template = client.get(f"/tenants/{bell.id}/bulk/template.csv").get_data()
    assert csv_template.decode("utf-8-sig").strip() == HEADER


def test_the_tenant_page_links_to_import_and_export_and_viewers_cannot_import(
        bell, agent_client):
    page = agent_client("support_agent", "bell").get(f"/tenants/{bell.id}?lang=en")
    assert f"/tenants/{bell.id}/bulk" in page.get_data(as_text=True)
    viewer = agent_client("viewer", "bell")
    bulk = viewer.get(f"/tenants/{bell.id}/bulk?lang=en").get_data(as_text=True)
    assert "Check the file" not in bulk and "export.csv" in bulk
    assert upload(viewer, bell, csv_file("liaisons_sip,,200,,,,,,")).status_code == 403


def test_another_carriers_agent_sees_no_import(bell, agent_client):
    body = upload(agent_client("support_agent", "bell"), bell,
                  csv_file("liaisons_sip,514 555 0100,200,,,,,,"), api=True).get_json()
    other, tenant_id = agent_client("support_agent", "sfr"), bell.id
    db.session.expunge_all()  # the test's session would answer from its identity map
    assert other.get(f"/api/v1/tenants/{tenant_id}/imports/{body['id']}").status_code == 404
    assert other.get(f"/tenants/{tenant_id}/bulk/export.csv").status_code == 404


@pytest.mark.redis
def test_with_rq_the_import_waits_for_a_worker_and_reports_progress(
        make_app, redis_url, tmp_path, agent_client):
    app = make_app(REDIS_URL=redis_url, RQ_QUEUE=f"test-{tmp_path.name}")
    with app.app_context():
        bell = create_tenant({"name": "Érablière", "carrier_id": "bell"})
        client = agent_client("support_agent", "bell", app=app)
        rows = [f"liaisons_sip,+1514{5000000 + i},{1000 + i},,,,,," for i in range(300)]
        body = upload(client, bell, csv_file(*rows), api=True).get_json()
        url = f"/api/v1/tenants/{bell.id}/imports/{body['id']}"
        assert post(client, f"{url}/start").get_json()["status"] == "queued"
        assert client.get(url).get_json()["status"] == "queued"
        page = client.get(f"/tenants/{bell.id}/bulk/{body['id']}?lang=en",
                          headers={"HX-Request": "true"}).get_data(as_text=True)
        assert 'hx-trigger="every 1s"' in page and "<progress" in page
        queue = jobs.rq_queue()
        try:
            SimpleWorker([queue], connection=queue.connection).work(burst=True)
        finally:
            queue.delete(delete_jobs=True)
        db.session.expire_all()
        done = client.get(url).get_json()
        assert done["status"] == "done" and done["done"] == 300
        assert count(Line) == 300
        assert db.session.scalar(select(AuditRecord.actor).where(
            AuditRecord.object_type == "line_import")).startswith("support_agent")


def test_each_carrier_says_how_its_network_takes_an_import(app):
    from backoffice.core.carriers import registry

    answers = {carrier: registry().hook(carrier).bulk_provisioning()
               for carrier in ("bell", "telus", "cooptel", "sfr")}
    assert answers == {"bell": "batched", "telus": "batched", "cooptel": "per_line",
                       "sfr": "per_line"}


def test_a_per_line_import_pushes_its_orders_by_batches_and_one_failure_holds_none_back(
        sfr, agent_client, monkeypatch):
    from backoffice.core import provisioning

    monkeypatch.setattr(provisioning, "PUSH_BATCH", 7)
    pushed = []
    real_push = provisioning.push_order

    def push(order_id):
        pushed.append(order_id)
        if len(pushed) == 3:
            raise RuntimeError("network unreachable")
        return real_push(order_id)

    monkeypatch.setattr(provisioning, "push_order", push)
    client = agent_client("support_agent", "sfr")
    job_url = upload(client, sfr, csv_file(*sfr_rows(20))).headers["Location"]
    assert post(client, f"{job_url}/start").status_code == 302
    db.session.expire_all()
    orders = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.object_type == "line").order_by(ProvisioningOrder.id)).all()
    assert len(orders) == 20 and len(pushed) == 20  # 3 jobs: 7 + 7 + 6 orders
    statuses = [order.status for order in orders]
    assert statuses.count("applied") == 19
    failed = orders[2]
    assert failed.status == "failed" and "network unreachable" in failed.detail


def test_imported_rows_are_stored_as_a_single_line_and_its_order_are(sfr, agent_client):
    """The import inserts its lines and orders in one statement each: their search keys,
    defaults, moments and payloads are what a line created alone gets."""
    from backoffice.core.changes import plain_columns
    from backoffice.core.lines import create_line

    alone = create_line(sfr, {"plan": "mobile", "number": "06 10 00 00 09", "extension": "109",
                              "first_name": "Éloïse", "last_name": "d'Été"})
    alone_order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.line_id == alone.id)).one()
    client = agent_client("support_agent", "sfr")
    job_url = upload(client, sfr, csv_file(
        "mobile,06 10 00 00 01,101,Éloïse,d'Été,eloise@toine.fr,,,")).headers["Location"]
    assert post(client, f"{job_url}/start").status_code == 302
    db.session.expire_all()
    line = db.session.scalar(select(Line).where(Line.number == "+33610000001"))
    assert (line.number_tail, line.first_name_key, line.last_name_key, line.version) == (
        "10000001633", "eloise", "d'ete", 1)
    assert (line.role, line.user_id, line.site_id, line.associated_number) == (
        alone.role, None, None, None)
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.line_id == line.id)).one()
    assert order.payload == plain_columns(line)
    assert (order.status, order.attempts, order.detail, order.expected_at) == (
        alone_order.status, alone_order.attempts, alone_order.detail, None)
    assert alone_order.created_at <= order.created_at
    assert (order.created_at - alone_order.created_at).total_seconds() < 60
    assert order.updated_at >= order.created_at


def in_two_processes(monkeypatch, chunk: int = 3) -> None:
    """Load every import of the test ahead in the schema workers, by chunks of ``chunk``
    rows, as a large import is."""
    from backoffice.core.bulk import loading

    monkeypatch.setattr(loading, "PARALLEL_FROM", 2)
    monkeypatch.setattr(loading, "CHUNK", chunk)


def test_rows_loaded_by_the_worker_process_are_those_the_schema_loads_here(app, monkeypatch):
    from backoffice.core.bulk.loading import load_chunk, loaded_in_parallel

    monkeypatch.setattr("backoffice.core.bulk.loading.CHUNK", 4)
    rows = [{"plan": "mobile", "number": f"06 1{i:03d} 00 01", "extension": str(100 + i),
             "first_name": f"Ana{i}", "email": f"ana{i}@toine.fr", "mac": f"{i:012x}"}
            for i in range(13)]
    rows[6]["number"] = "06 12"  # refused: chunk 1, the worker's
    rows[9]["email"] = "ana.toine.fr"  # refused: chunk 2, the worker's
    rows[1]["extension"] = "x"  # refused: chunk 0, this process's
    loaded = list(loaded_in_parallel("FR", rows))
    assert loaded == load_chunk("FR", rows) == [one_by_one("FR", row) for row in rows]
    assert [index for index, row in enumerate(loaded) if row is None] == [1, 6, 9]
    assert loaded[0]["number"] == "+33610000001" and loaded[12]["mac"] == "00000000000C"


def one_by_one(region: str, row: dict) -> dict | None:
    """What the line schema loads from ``row`` alone, ``None`` if it refuses it."""
    from marshmallow import ValidationError

    from backoffice.core.lines import line_schema_for

    try:
        return line_schema_for(region).load(row)
    except ValidationError:
        return None


def test_a_chunk_is_loaded_as_one_collection_its_refused_rows_as_none(app):
    from backoffice.core.bulk.loading import load_chunk

    rows = [{"plan": "mobile", "number": "06 10 00 00 01"}, "not a row",
            {"plan": "mobile", "number": "06 10 00 00 02", "unknown": "x"},
            {"plan": "mobile", "number": "06 10 00 00 03"}]
    loaded = load_chunk("FR", rows)
    assert [row and row["number"] for row in loaded] == [
        "+33610000001", None, None, "+33610000003"]
    assert loaded == [one_by_one("FR", row) if isinstance(row, dict) else None
                      for row in rows]


def test_a_chunk_that_fails_as_a_collection_is_loaded_row_by_row(app, monkeypatch):
    from backoffice.core.bulk import loading
    from backoffice.core.lines import line_schema_for

    class OneRowAtATime:
        def load(self, data, many=False):
            if many:
                raise RuntimeError("no collections here")
            return line_schema_for("FR").load(data)

    monkeypatch.setattr(loading, "line_schema_for", lambda region: OneRowAtATime())
    rows = [{"plan": "mobile", "number": "06 10 00 00 01"}, {"plan": "mobile", "number": "1"}]
    assert loading.load_chunk("FR", rows) == [one_by_one("FR", rows[0]), None]
    assert loading.load_chunk("FR", rows)[0]["number"] == "+33610000001"


def test_the_schema_workers_serve_the_next_imports_and_are_replaced_if_one_dies(
        app, monkeypatch):
    import os
    import signal
    import time
    from concurrent.futures.process import BrokenProcessPool

    from backoffice.core.bulk import loading

    monkeypatch.setattr(loading, "CHUNK", 2)  # chunks 1 to 4 are the workers'
    rows = [{"plan": "mobile", "number": f"06 1{i:03d} 00 01"} for i in range(9)]
    expected = [one_by_one("FR", row) for row in rows]
    assert expected[8]["number"] == "+33610080001"
    loading.forget_workers()
    assert list(loading.loaded_in_parallel("FR", rows)) == expected
    first = loading.schema_workers()
    pids = set(first._processes)  # the pool's processes, by pid
    assert pids and os.getpid() not in pids
    assert list(loading.loaded_in_parallel("FR", rows)) == expected
    assert loading.schema_workers() is first and set(first._processes) == pids

    os.kill(next(iter(pids)), signal.SIGKILL)
    for _ in range(100):  # until the pool has seen it die
        try:
            first.submit(os.getpid).result()
        except BrokenProcessPool:
            break
        time.sleep(0.05)
    assert list(loading.loaded_in_parallel("FR", rows)) == expected  # loaded here
    second = loading.schema_workers()
    assert second is not first
    assert list(loading.loaded_in_parallel("FR", rows)) == expected
    assert not set(second._processes) & pids


def test_a_small_import_loads_nothing_ahead_a_large_one_does_even_beside_threads(
        bell, monkeypatch):
    import threading

    from backoffice.core.bulk import loading

    rows = [{"plan": "liaisons_sip", "number": f"514555{i:04d}"} for i in range(4)]
    monkeypatch.setattr(loading, "PARALLEL_FROM", 4)
    assert list(loading.schema_loads(bell, rows[:3])) == [None] * 3
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, args=(30,), daemon=True)
    other.start()
    try:
        assert [row["number"] for row in loading.schema_loads(bell, rows)] == [
            f"+1514555{i:04d}" for i in range(4)]
    finally:
        stop.set()


def test_a_large_import_loaded_in_parallel_reports_and_saves_as_a_small_one(
        sfr, agent_client, monkeypatch):
    in_two_processes(monkeypatch)
    client = agent_client("support_agent", "sfr")
    rows = sfr_rows(11)
    rows[7] = "mobile,06 12,107,Bad,Number,,,,"  # the worker's chunk
    rows[9] = "mobile,+33610000001,109,Same,Number,,,,"  # row 2's number again
    body = upload(client, sfr, csv_file(*rows), api=True).get_json()
    report = {entry["row"]: [(e["code"], e["message"]) for e in entry["errors"]]
              for entry in body["report"]}
    assert report == {
        9: [("line.number.invalid", "“06 12” is not a valid phone number for FR.")],
        11: [("line.number.duplicate", report[11][0][1])]}
    assert "row 3" in report[11][0][1]
    good = upload(client, sfr, csv_file(*sfr_rows(11)), api=True).get_json()
    assert good["report"] == []
    started = post(client, f"/api/v1/tenants/{sfr.id}/imports/{good['id']}/start")
    assert started.get_json()["status"] == "done"
    numbers = db.session.scalars(select(Line.number).order_by(Line.id)).all()
    assert numbers == [f"+3361{i:07d}" for i in range(11)]


@pytest.mark.postgres
def test_batches_inserted_while_rows_are_checked_are_part_of_the_transaction(
        bell, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from backoffice.core.bulk import inserting

    monkeypatch.setattr(inserting, "BATCH", 3)
    row = {"tenant_id": bell.id, "plan": "liaisons_sip", "first_name": "", "last_name": "",
           "version": 1}
    with inserting.batch_inserter(Line.__table__) as inserter:
        for i in range(7):
            inserter.add({**row, "number": f"+1514555{i:04d}", "extension": str(100 + i)})
        ids = inserter.finish()
    assert ids == sorted(ids) and len(ids) == 7
    lines = db.session.execute(select(Line.id, Line.number, Line.number_tail)
                               .order_by(Line.id)).all()
    assert [tuple(line) for line in lines] == [
        (ids[i], f"+1514555{i:04d}", f"{i:04d}"[::-1] + "5554151") for i in range(7)]
    db.session.rollback()
    assert count(Line) == 0

    with pytest.raises(IntegrityError), inserting.batch_inserter(Line.__table__) as inserter:
        for i in range(5):  # the second batch repeats the first's number
            inserter.add({**row, "number": "+15145550000", "extension": str(200 + i)})
        inserter.finish()
    db.session.rollback()
    assert count(Line) == 0


@pytest.mark.postgres
def test_ids_are_reserved_ahead_and_more_are_reserved_for_rows_beyond_those_expected(bell):
    from backoffice.core.bulk import inserting

    row = {"tenant_id": bell.id, "plan": "liaisons_sip", "first_name": "", "last_name": "",
           "version": 1}
    with inserting.batch_inserter(Line.__table__, expected=2) as inserter:
        for i in range(5):
            inserter.add({**row, "number": f"+1514555{i:04d}", "extension": str(100 + i)})
        ids = inserter.finish()
    assert len(set(ids)) == 5 and ids == sorted(ids)
    assert db.session.scalars(select(Line.id).order_by(Line.number)).all() == ids
    db.session.rollback()


def test_an_imports_rows_are_read_only_when_the_job_needs_them(bell, agent_client):
    from sqlalchemy import inspect

    client = agent_client("support_agent", "bell")
    body = upload(client, bell, csv_file("liaisons_sip,5145550100,200,,,,,,"), api=True)
    import_id = body.get_json()["id"]
    db.session.expunge_all()
    job = db.session.get(LineImport, import_id)
    assert job.status == LineImport.CHECKED and "rows" in inspect(job).unloaded
    assert job.rows[0]["number"] == "5145550100"


def test_the_cycle_collector_pauses_during_imports_and_resumes_after_the_last():
    import gc
    import threading

    from backoffice.core.bulk.importing import cycle_collection_paused

    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def other_import():
        with cycle_collection_paused():
            inside.set()
            release.wait(10)

    other = threading.Thread(target=other_import)
    with cycle_collection_paused():
        assert not gc.isenabled()
        other.start()
        inside.wait(10)
    assert not gc.isenabled()  # the other import still runs
    release.set()
    other.join(10)
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


@pytest.mark.postgres
def test_threads_switch_often_while_an_inserters_thread_runs(app):
    import sys

    from backoffice.core.bulk.inserting import SWITCH_INTERVAL, batch_inserter
    from backoffice.core.models import Line

    before = sys.getswitchinterval()
    assert before != SWITCH_INTERVAL
    with batch_inserter(Line.__table__) as inserter:
        assert inserter.threaded
        assert sys.getswitchinterval() == SWITCH_INTERVAL
        with batch_inserter(Line.__table__):
            pass
        assert sys.getswitchinterval() == SWITCH_INTERVAL  # the outer inserter still runs
    assert sys.getswitchinterval() == before
    db.session.rollback()


@pytest.mark.postgres
def test_an_imports_large_documents_are_compressed_with_lz4(app):
    from sqlalchemy import text

    methods = dict(db.session.execute(text(
        "SELECT attrelid::regclass::text || '.' || attname, attcompression FROM pg_attribute "
        "WHERE (attrelid::regclass::text, attname) IN (('line_import', 'rows'), "
        "('audit_record', 'after'), ('provisioning_order', 'payload'))")).all())
    lz4 = db.session.scalar(text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                                 "WHERE name = 'default_toast_compression'"))
    expected = "l" if lz4 else ""
    assert methods == {"line_import.rows": expected, "audit_record.after": expected,
                       "provisioning_order.payload": expected}

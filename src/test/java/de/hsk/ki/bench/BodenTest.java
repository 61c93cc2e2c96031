package de.hsk.ki.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The floor's pgbench scripts: ids of the case per run, colons out of pgbench's sight, the hand-over to the job part. */
class BodenTest {

  private static Boden.Anweisung a(String sql) {
    return new Boden.Anweisung("s1", sql);
  }

  @Test
  void fallUndJobTeilenSichDieIdsIhresFallsUndPgbenchSiehtKeinenDoppelpunkt() {
    String id = "dfb0cfcf-f0cb-11f1-a4b1-02fc00000001";
    List<Boden.Anweisung> fall = List.of(a("BEGIN"),
        a("insert into ACT_RU_JOB (ID_, DUEDATE_) values ('" + id + "', '2026-12-05 10:00:00')"),
        a("insert into ACT_HI_ACTINST (ID_) values ('Task_Zuweisung:" + id + "')"),
        a("COMMIT"));
    List<Boden.Anweisung> job = List.of(a("BEGIN"), a("delete from ACT_RU_JOB where ID_ = '" + id + "'"), a("COMMIT"));

    String[] skripte = Boden.skripte(fall, job);

    for (String skript : skripte) {
      String ohneLiterale = skript.replaceAll("E?'(?:[^']|'')*'", "''");
      assertThat(ohneLiterale.replaceAll(":r(?![A-Za-z0-9_])", "").replace("::", "")).doesNotContain(":");
    }
    assertThat(skripte[0]).contains("E'2026-12-05 10\\07200\\07200'").contains("E'Task_Zuweisung\\072dfb0cfcf")
        .contains("INSERT INTO " + Boden.WARTESCHLANGE + " (r) VALUES (:r);\nCOMMIT;");
    // the job deletes the job row of the case it took from the queue, not the captured one
    assertThat(skripte[1]).contains("WHERE r = (SELECT r FROM " + Boden.WARTESCHLANGE)
        .contains("delete from ACT_RU_JOB where ID_ = ('dfb0cfcf-f0cb-11f1-a4b1-02' || lpad(:r::text, 10, '0'))")
        .doesNotContain("'" + id + "'");
  }
}

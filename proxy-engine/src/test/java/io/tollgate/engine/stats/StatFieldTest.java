package io.tollgate.engine.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatFieldTest {

    @Test
    void headerIsByteIdenticalToHaproxy() {
        assertThat(CsvStatsWriter.header()).isEqualTo(HaproxyReference.read("stat-csv-header.txt"));
    }

    @Test
    void staticFieldsThenModuleFieldsShiftedByTheDashColumn() {
        StatField[] all = StatField.values();
        assertThat(all).hasSize(127);
        assertThat(StatField.LAST_STATIC.position()).isEqualTo(102);
        assertThat(StatField.AGG_CHECK_STATUS.csvColumn()).isEqualTo(102);
        assertThat(StatField.SSL_SESS.position()).isEqualTo(103);
        assertThat(StatField.SSL_SESS.csvColumn()).isEqualTo(104);
        assertThat(StatField.SSL_SESS.isModule()).isTrue();
        assertThat(StatField.UWEIGHT.isModule()).isFalse();
        List<String> header = HaproxyReference.columns(CsvStatsWriter.header().substring(2));
        for (StatField f : all) {
            assertThat(header.get(f.csvColumn())).as("column %d", f.csvColumn()).isEqualTo(f.csvName());
            assertThat(StatField.byName(f.csvName())).isSameAs(f);
        }
        assertThat(header.get(103)).isEqualTo("-");
        assertThat(StatField.byName("src_ilim")).isSameAs(StatField.SRC_ILIM);
        assertThat(StatField.byName("nope")).isNull();
    }

    /** Every line HAProxy printed in typed form agrees with the table: name, tag, type, row type. */
    @Test
    void tagsTypesAndRowTypesAgreeWithEveryReferenceTypedLine() {
        List<String> mismatches = new ArrayList<>();
        List<String> lines = HaproxyReference.read("show-stat-typed.txt").lines()
                .filter(l -> !l.isEmpty()).toList();
        assertThat(lines).hasSizeGreaterThan(900);
        for (String line : lines) {
            // F.2.0.4.scur.1:MGP:u32:0 (the value may itself contain ':' and '.')
            String[] parts = line.split(":", 4);
            String[] key = parts[0].split("\\.");
            RowType rowType = RowType.ofLetter(key[0].charAt(0));
            StatField f = StatField.values()[Integer.parseInt(key[3])];
            if (!f.csvName().equals(key[4]) || !f.tag(rowType).code().equals(parts[1])
                    || !f.type().word().equals(parts[2]) || !f.appliesTo(rowType)) {
                mismatches.add(line + " vs " + f + " " + f.tag(rowType) + " " + f.type().word() + " " + f.rows());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aFewFieldsChangeTagWithTheRowType() {
        assertThat(StatField.ACT.tag(RowType.SERVER).code()).isEqualTo("SGP");
        assertThat(StatField.ACT.tag(RowType.BACKEND).code()).isEqualTo("MGP");
        assertThat(StatField.RATE.tag(RowType.FRONTEND).code()).isEqualTo("MRP");
        assertThat(StatField.RATE.tag(RowType.BACKEND).code()).isEqualTo("MGP");
        assertThat(StatField.RATE_MAX.tag(RowType.BACKEND).code()).isEqualTo("MGP");
        assertThat(StatField.RATE_MAX.tag().code()).isEqualTo("MMP");
    }

    @Test
    void tagsReadAndPrintTheirThreeLetters() {
        StatTag avg = StatTag.parse("MaP");
        assertThat(avg.nature()).isEqualTo(StatTag.Nature.AVG);
        assertThat(avg.code()).isEqualTo("MaP");
        assertThat(StatTag.parse("MMP").nature()).isEqualTo(StatTag.Nature.MAX);
        assertThat(StatTag.parse("KNS").origin().word()).isEqualTo("Key");
        assertThat(StatTag.parse("KNS").scope().word()).isEqualTo("Service");
    }

    @Test
    void rowTypesCarryCsvCodeAndTypedLetter() {
        assertThat(RowType.FRONTEND.code()).isZero();
        assertThat(RowType.BACKEND.code()).isEqualTo(1);
        assertThat(RowType.SERVER.code()).isEqualTo(2);
        assertThat(RowType.LISTENER.code()).isEqualTo(3);
        assertThat(RowType.LISTENER.letter()).isEqualTo('L');
        assertThat(RowType.ofLetter('S')).isEqualTo(RowType.SERVER);
    }
}

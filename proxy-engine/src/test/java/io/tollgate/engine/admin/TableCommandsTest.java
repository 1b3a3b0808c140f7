package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stick.StickTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.tollgate.engine.admin.CliActors.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show|clear|set table}: every expected text below is what {@code haproxy -db} 2.6.12
 * answered over its stats socket for the same tables (entry addresses and remaining
 * milliseconds aside, shown here as {@code 0x?} and {@code exp=?}).
 */
class TableCommandsTest {
    private static final String SHOW_A = "# table: be_a, type: ip, size:204800, used:";

    @TempDir
    Path dir;
    private RuntimeApi api;
    private Proxies proxies;

    @BeforeEach
    void load() throws Exception {
        proxies = CliActors.proxies(dir, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 1s
                  timeout server 1s
                backend be_a
                  stick-table type ip size 200k expire 30s store gpc0,conn_rate(10s),http_req_cnt
                  server s1 127.0.0.1:28081
                backend be_b
                  stick-table type string len 32 size 1k store server_id,gpt0
                backend t6
                  stick-table type ipv6 size 10 store gpc0
                backend ti
                  stick-table type integer size 10 store gpc0,bytes_in_cnt,server_id
                backend tb
                  stick-table type binary len 8 size 10 store gpc0
                """);
        api = new RuntimeApi(proxies);
    }

    private String run(String command) {
        return run(command, ADMIN);
    }

    private String run(String command, Actor actor) {
        return api.execute(command, actor).replaceAll("0x[0-9a-f]+:", "0x?:").replaceAll("exp=[1-9][0-9]*", "exp=?");
    }

    @Test
    void showListsTablesLastDeclaredFirst() {
        assertThat(run("show table", USER)).isEqualTo("""
                # table: tb, type: binary, size:10, used:0
                # table: ti, type: integer, size:10, used:0
                # table: t6, type: ipv6, size:10, used:0
                # table: be_b, type: string, size:1024, used:0
                # table: be_a, type: ip, size:204800, used:0
                """);
        assertThat(run("show table nope")).isEqualTo("No such table\n");
    }

    @Test
    void setThenShowWithFilters() {
        assertThat(run("set table be_a key 127.0.0.1 data.gpc0 5")).isEmpty();
        assertThat(run("set table be_a key 127.0.0.2 data.http_req_cnt 7 data.gpc0 1")).isEmpty();
        assertThat(run("show table be_a")).isEqualTo(SHOW_A + "2\n"
                + "0x?: key=127.0.0.1 use=0 exp=? gpc0=5 conn_rate(10000)=0 http_req_cnt=0\n"
                + "0x?: key=127.0.0.2 use=0 exp=? gpc0=1 conn_rate(10000)=0 http_req_cnt=7\n");
        assertThat(run("show table be_a data.gpc0 gt 2")).isEqualTo(SHOW_A + "2\n"
                + "0x?: key=127.0.0.1 use=0 exp=? gpc0=5 conn_rate(10000)=0 http_req_cnt=0\n");
        assertThat(run("show table be_a data.gpc0 eq 1 data.http_req_cnt eq 7")).isEqualTo(SHOW_A + "2\n"
                + "0x?: key=127.0.0.2 use=0 exp=? gpc0=1 conn_rate(10000)=0 http_req_cnt=7\n");
        assertThat(run("show table be_a data.gpc0 eq 1 data.http_req_cnt eq 6")).isEqualTo(SHOW_A + "2\n");
        assertThat(run("show table be_a key 127.0.0.1")).isEqualTo(SHOW_A + "2\n"
                + "0x?: key=127.0.0.1 use=0 exp=? gpc0=5 conn_rate(10000)=0 http_req_cnt=0\n");
        // a key filter ignores what follows; an absent key prints nothing, not even the header
        assertThat(run("show table be_a key 127.0.0.1 data.gpc0 eq 1")).contains("key=127.0.0.1");
        assertThat(run("show table be_a key 1.1.1.1")).isEmpty();
        assertThat(run("show table be_a key abc")).isEmpty();

        assertThat(run("set table be_a key 127.0.0.7 data.conn_rate 4")).isEmpty();
        assertThat(run("show table be_a key 127.0.0.7"))
                .endsWith("key=127.0.0.7 use=0 exp=? gpc0=0 conn_rate(10000)=4 http_req_cnt=0\n");
        assertThat(run("set table be_a key 127.0.0.1 data.gpc0 99999999999")).isEmpty();
        assertThat(run("show table be_a key 127.0.0.1")).contains(" gpc0=1215752191 ");
    }

    @Test
    void filterMistakesAreNamedAsHaproxyNamesThem() {
        assertThat(run("show table be_a data.gpt0 eq 1")).isEqualTo("Filter entry #1: Data type not stored in this table\n");
        assertThat(run("show table be_a data.foo eq 1")).isEqualTo("Filter entry #1: Unknown data type\n");
        assertThat(run("show table be_a data.gpc0 xx 1"))
                .isEqualTo("Filter entry #1: Require and operator among \"eq\", \"ne\", \"le\", \"ge\", \"lt\", \"gt\"\n");
        assertThat(run("show table be_a data.gpc0 eq"))
                .isEqualTo("Filter entry #1: Require a valid integer value to compare against\n");
        assertThat(run("show table be_a data.gpc0 eq abc"))
                .isEqualTo("Filter entry #1: Require a valid integer value to compare against\n");
        assertThat(run("show table be_a data.gpc0 eq 0 foo")).isEqualTo("Filter entry #2: Unknown data type\n");
        assertThat(run("show table be_a data.gpc0 eq 0 key 127.0.0.7")).isEqualTo("Filter entry #2: Unknown data type\n");
        assertThat(run("show table be_a data.gpc0 eq 0 data.gpc0 eq 0 data.gpc0 eq 0 data.gpc0 eq 0 data.gpc0 eq 0"))
                .isEqualTo("Detected extra data in filter, 16th word of input, after '0'\n");
        assertThat(run("show table be_a data.gpc0 eq 0 data.gpc0 eq 0 data.gpc0 eq 0 data.gpc0 eq 0"))
                .isEqualTo(SHOW_A + "0\n");
        assertThat(run("show table be_a foo")).isEqualTo(
                "Optional argument only supports \"data.<store_data_type>\" <operator> <value> and key <key>\n");
        assertThat(run("show table be_a key")).isEqualTo("Key value expected\n");
    }

    @Test
    void setMistakesChangeNothing() {
        assertThat(run("set table be_a key 127.0.0.8 data.gpt0 4")).isEqualTo("Data type not stored in this table\n");
        assertThat(run("set table be_a key 127.0.0.3 data.gpc0")).isEqualTo("Require a valid integer value to store\n");
        assertThat(run("set table be_a key 127.0.0.3 data.gpc0 x")).isEqualTo("Require a valid integer value to store\n");
        assertThat(run("set table be_a key 1.2.3.6 data.foo 1")).isEqualTo("Unknown data type\n");
        assertThat(run("set table be_a key 127.0.0.3 foo 3")).isEqualTo("\"data.<type>\" followed by a value expected\n");
        assertThat(run("set table be_a key 1.2.3.5 data.gpc0 1 data.gpc0")).isEqualTo("Require a valid integer value to store\n");
        assertThat(run("set table be_a key")).isEqualTo("Key value expected\n");
        assertThat(run("set table be_a 127.0.0.3"))
                .isEqualTo("Required arguments: <table> key <key> [data.<store_data_type> <value>]*\n");
        assertThat(run("set table")).isEqualTo("Required arguments: <table> key <key> [data.<store_data_type> <value>]*\n");
        assertThat(run("set table nope key 1")).isEqualTo("No such table\n");
        assertThat(run("set table t6 key zz data.gpc0 1")).isEqualTo("Invalid key\n");
        assertThat(run("set table ti key zz data.gpc0 1")).isEqualTo("Invalid key\n");
        assertThat(run("set table ti key -5 data.gpc0 1")).isEqualTo("Invalid key\n");
        assertThat(run("set table ti key 5000000000 data.gpc0 1")).isEqualTo("Invalid key\n");
        assertThat(run("set table tb key 00 data.gpc0 1"))
                .isEqualTo("Inserting keys into tables of type other than ip, ipv6, string and integer is not supported\n");
        assertThat(run("show table tb key 00"))
                .isEqualTo("Showing keys from tables of type other than ip, ipv6, string and integer is not supported\n");
        assertThat(run("clear table tb key 00"))
                .isEqualTo("Removing keys from tables of type other than ip, ipv6, string and integer is not supported\n");
        // HAProxy 2.6 empties the table on a bare "set table <t>"; a command without its key changes nothing here
        assertThat(run("set table be_a")).isEqualTo(
                "Required arguments: <table> key <key> [data.<store_data_type> <value>]*\n");
        for (StickTable t : proxies.tables().all()) {
            assertThat(t.used()).as(t.name()).isZero();
        }
    }

    @Test
    void keysOfEachTypeAsTheCliReadsThem() {
        assertThat(run("set table ti key 12 data.bytes_in_cnt 99999999999 data.server_id -3")).isEmpty();
        assertThat(run("set table ti key 12abc data.gpc0 1")).isEmpty();
        assertThat(run("show table ti")).isEqualTo("# table: ti, type: integer, size:10, used:1\n"
                + "0x?: key=12 use=0 exp=0 server_id=-3 gpc0=1 bytes_in_cnt=99999999999\n");
        assertThat(run("set table t6 key ::1 data.gpc0 1")).isEmpty();
        assertThat(run("show table t6")).isEqualTo("# table: t6, type: ipv6, size:10, used:1\n"
                + "0x?: key=::1 use=0 exp=0 gpc0=1\n");
        assertThat(run("set table be_b key hello data.server_id 3 data.gpt0 2")).isEqualTo("");
        assertThat(run("show table be_b")).isEqualTo("# table: be_b, type: string, size:1024, used:1\n"
                + "0x?: key=hello use=0 exp=0 server_id=3 gpt0=2\n");
        // an ip key that is no address is 0.0.0.0, as HAProxy's inetaddr_host makes it
        assertThat(run("set table be_a key abc data.gpc0 1")).isEmpty();
        assertThat(run("show table be_a")).contains("key=0.0.0.0 ");
    }

    @Test
    void clearByKeyByFilterOrAll() {
        run("set table be_a key 127.0.0.1 data.gpc0 5");
        run("set table be_a key 127.0.0.7 data.conn_rate 4");
        run("set table be_a key 127.0.0.8");
        assertThat(run("clear table be_a key 127.0.0.7 junk")).isEmpty();
        assertThat(run("clear table be_a data.gpc0 eq 0 data.conn_rate gt 3")).isEmpty();
        assertThat(run("show table be_a")).isEqualTo(SHOW_A + "2\n"
                + "0x?: key=127.0.0.1 use=0 exp=? gpc0=5 conn_rate(10000)=0 http_req_cnt=0\n"
                + "0x?: key=127.0.0.8 use=0 exp=? gpc0=0 conn_rate(10000)=0 http_req_cnt=0\n");
        assertThat(run("clear table be_a data.gpc0 eq 5")).isEmpty();
        assertThat(run("show table be_a")).doesNotContain("127.0.0.1");
        assertThat(run("clear table be_a key 9.9.9.9")).isEmpty();
        assertThat(run("clear table be_a key")).isEqualTo("Key value expected\n");
        assertThat(run("clear table")).isEqualTo(
                "Required arguments: <table> \"data.<store_data_type>\" <operator> <value> or <table> key <key>\n");
        assertThat(run("clear table be_a foo")).isEqualTo(
                "Required arguments: <table> \"data.<store_data_type>\" <operator> <value> or <table> key <key>\n");
        assertThat(run("clear table nope")).isEqualTo("No such table\n");
        assertThat(run("clear table be_a")).isEmpty();
        assertThat(run("show table be_a")).isEqualTo(SHOW_A + "0\n");
    }

    @Test
    void levels() {
        run("set table be_a key 1.1.1.2 data.gpc0 3");
        // a user sees the header alone and no key; HAProxy lets a user clear everything, not Tollgate
        assertThat(run("show table be_a", USER)).isEqualTo(SHOW_A + "1\n");
        assertThat(run("show table be_a data.gpc0 eq 3", USER)).isEqualTo(SHOW_A + "1\n");
        assertThat(run("show table be_a key 1.1.1.2", USER)).isEqualTo("Permission denied\n");
        assertThat(run("set table be_a key 1.1.1.1", USER)).isEqualTo("Permission denied\n");
        assertThat(run("clear table be_a key 1.1.1.2", USER)).isEqualTo("Permission denied\n");
        assertThat(run("clear table be_a", USER)).isEqualTo("Permission denied\n");
        assertThat(run("show table nope", USER)).isEqualTo("No such table\n");
        assertThat(run("show table be_a", OPERATOR)).contains("key=1.1.1.2");
        assertThat(run("set table be_a key 1.1.1.1", OPERATOR)).isEmpty();
        assertThat(run("clear table be_a", OPERATOR)).isEmpty();
        assertThat(run("show table be_a")).isEqualTo(SHOW_A + "0\n");
    }
}

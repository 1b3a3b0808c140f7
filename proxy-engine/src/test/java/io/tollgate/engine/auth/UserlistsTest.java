package io.tollgate.engine.auth;

import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.config.Source;
import io.tollgate.engine.config.UserlistConfig;
import io.tollgate.engine.config.UserlistConfig.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Userlists by name, and one built from configuration text end to end. */
class UserlistsTest {

    private static UserlistConfig list(String name, String user, String password) {
        return new UserlistConfig(name, List.of(new User(user, password, true, List.of())), List.of(),
                new Source("t.cfg", 1));
    }

    @Test
    void findByName() {
        Userlists lists = Userlists.of(List.of(list("admins", "root", "a"), list("customers", "jo", "b")));
        assertThat(lists.names()).containsExactly("admins", "customers");
        assertThat(lists.find("admins")).get().extracting(Userlist::name).isEqualTo("admins");
        assertThat(lists.find("customers").orElseThrow().check("jo", "b")).isTrue();
        assertThat(lists.find("customers").orElseThrow().check("root", "a")).isFalse();
        assertThat(lists.find("nosuch")).isEmpty();
    }

    @Test
    void theFirstOfTwoListsWithOneNameCounts() {
        Userlists lists = Userlists.of(List.of(list("l", "first", "a"), list("l", "second", "b")));
        assertThat(lists.names()).containsExactly("l");
        assertThat(lists.find("l").orElseThrow().hasUser("first")).isTrue();
        assertThat(lists.find("l").orElseThrow().hasUser("second")).isFalse();
    }

    @Test
    void none() {
        assertThat(Userlists.NONE.names()).isEmpty();
        assertThat(Userlists.NONE.find("any")).isEmpty();
        assertThat(Userlists.of(List.of()).names()).isEmpty();
    }

    /** HAProxy's own userlist example: groups given on both the user and the group lines. */
    @Test
    void fromConfigurationText(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.cfg"), """
                userlist L1
                    group G1 users tiger,scott
                    group G2 users xdb,scott
                    group G3

                    user tiger password %s
                    user scott insecure-password elgato
                    user xdb insecure-password hello

                userlist L2
                    group G1
                    group G2

                    user tiger password %s groups G1
                    user scott insecure-password elgato groups G1,G2
                    user xdb insecure-password hello groups G2
                """.formatted(UserlistTest.SHA512_HELLO, UserlistTest.MD5_PASSWORD));
        Config config = ConfigLoader.load(List.of(Path.of("t.cfg")), Map.of(), dir);
        Userlists lists = Userlists.of(config.userlists());
        assertThat(lists.names()).containsExactly("L1", "L2");

        Userlist l1 = lists.find("L1").orElseThrow();
        assertThat(l1.check("tiger", "Hello world!")).isTrue();
        assertThat(l1.check("scott", "elgato")).isTrue();
        assertThat(l1.check("xdb", "elgato")).isFalse();
        assertThat(l1.inGroup("tiger", "G1")).isTrue();
        assertThat(l1.inGroup("scott", "G1")).isTrue();
        assertThat(l1.inGroup("scott", "G2")).isTrue();
        assertThat(l1.inGroup("xdb", "G1")).isFalse();
        assertThat(l1.inGroup("tiger", "G3")).isFalse();

        Userlist l2 = lists.find("L2").orElseThrow();
        assertThat(l2.check("tiger", "password")).isTrue();
        assertThat(l2.check("tiger", "Hello world!")).isFalse();
        assertThat(l2.inGroup("tiger", "G1")).isTrue();
        assertThat(l2.inGroup("tiger", "G2")).isFalse();
        assertThat(l2.inGroup("scott", "G2")).isTrue();
        assertThat(l2.inGroup("xdb", "G2")).isTrue();
    }
}

package io.tollgate.engine.auth;

import io.tollgate.engine.config.Source;
import io.tollgate.engine.config.UserlistConfig;
import io.tollgate.engine.config.UserlistConfig.User;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Passwords of every kind, groups, and the cache of successes. */
class UserlistTest {
    static final String SHA512_HELLO = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4O"
            + "TLiBFdcbYEdFCoEOfaS35inz1";
    static final String SHA256_HELLO = "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5";
    static final String MD5_PASSWORD = "$1$xxxxxxxx$UYCIxa628.9qXjpQCjM4a.";
    static final String SHA512_LATIN1_ETE = "$6$latin1$T2uSMH1Uxn1JRvZkTTjMd43hn8/VJjx6ai/FQ15kBRWrqRVsdF1Qu6PU/"
            + "NLpHkyl4QHcJyX0jnE/QspK2z4K71";

    private static UserlistConfig config(User... users) {
        return new UserlistConfig("L", List.of(users), List.of("admin", "dev", "ops"), new Source("t.cfg", 1));
    }

    /** The configuration folds {@code group ... users} into each user's groups; see UserlistsTest. */
    private static final UserlistConfig MIXED = config(
            new User("alice", SHA512_HELLO, false, List.of("admin", "dev")),
            new User("bob", SHA256_HELLO, false, List.of("dev")),
            new User("carol", MD5_PASSWORD, false, List.of()),
            new User("dave", "s3cret", true, List.of("ops")),
            new User("erin", null, false, List.of("ops")),
            new User("frank", SHA512_LATIN1_ETE, false, List.of()));

    private static String basic(String user, byte[] password) {
        byte[] prefix = (user + ":").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + password.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(password, 0, all, prefix.length, password.length);
        return "Basic " + Base64.getEncoder().encodeToString(all);
    }

    @Test
    void rightPasswordsOfEveryScheme() {
        Userlist list = new Userlist(MIXED);
        assertThat(list.name()).isEqualTo("L");
        assertThat(list.check("alice", "Hello world!")).isTrue();
        assertThat(list.check("bob", "Hello world!")).isTrue();
        assertThat(list.check("carol", "password")).isTrue();
        assertThat(list.check("dave", "s3cret")).isTrue();
    }

    @Test
    void wrongPasswords() {
        Userlist list = new Userlist(MIXED);
        assertThat(list.check("alice", "hello world!")).isFalse();
        assertThat(list.check("alice", "")).isFalse();
        assertThat(list.check("bob", "Hello world")).isFalse();
        assertThat(list.check("carol", "Password")).isFalse();
        assertThat(list.check("alice", "password")).as("carol's password is not alice's").isFalse();
    }

    @Test
    void insecurePasswordsCompareExactly() {
        Userlist list = new Userlist(MIXED);
        assertThat(list.check("dave", "s3cret")).isTrue();
        assertThat(list.check("dave", "S3cret")).isFalse();
        assertThat(list.check("dave", "s3cre")).isFalse();
        assertThat(list.check("dave", "s3cret ")).isFalse();
        assertThat(list.check("dave", "")).isFalse();
    }

    @Test
    void unknownUsersAndMissingValuesNeverPass() {
        Userlist list = new Userlist(MIXED);
        assertThat(list.check("mallory", "Hello world!")).isFalse();
        assertThat(list.check("Alice", "Hello world!")).as("names are case-sensitive").isFalse();
        assertThat(list.check(null, "Hello world!")).isFalse();
        assertThat(list.check("alice", (String) null)).isFalse();
        assertThat(list.check("alice", (byte[]) null)).isFalse();
        assertThat(list.check((BasicCredentials) null)).isFalse();
        assertThat(list.hasUser("alice")).isTrue();
        assertThat(list.hasUser("mallory")).isFalse();
        assertThat(list.hasUser(null)).isFalse();
    }

    @Test
    void aUserWithoutPasswordNeverAuthenticates() {
        Userlist list = new Userlist(MIXED);
        assertThat(list.hasUser("erin")).isTrue();
        assertThat(list.check("erin", "")).isFalse();
        assertThat(list.check("erin", "anything")).isFalse();
        assertThat(list.inGroup("erin", "ops")).isTrue();
    }

    @Test
    void headerCredentialsAreCheckedAsRawBytes() {
        Userlist list = new Userlist(MIXED);
        byte[] latin1 = "été".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(list.check(BasicCredentials.parse(basic("frank", latin1)))).isTrue();
        assertThat(list.check("frank", latin1)).isTrue();
        assertThat(list.check("frank", "été")).as("the UTF-8 spelling is other bytes").isFalse();
        assertThat(list.check(BasicCredentials.parse(basic("alice", "Hello world!".getBytes(StandardCharsets.UTF_8)))))
                .isTrue();
        assertThat(list.check(BasicCredentials.parse(basic("alice", "nope".getBytes(StandardCharsets.UTF_8)))))
                .isFalse();
    }

    @Test
    void groups() {
        Userlist list = new Userlist(MIXED);
        assertThat(list.inGroup("alice", "admin")).isTrue();
        assertThat(list.inGroup("alice", "dev")).isTrue();
        assertThat(list.inGroup("alice", "ops")).isFalse();
        assertThat(list.inGroup("bob", "admin")).isFalse();
        assertThat(list.inGroup("carol", "dev")).isFalse();
        assertThat(list.inGroup("alice", "nosuchgroup")).isFalse();
        assertThat(list.inGroup("mallory", "admin")).isFalse();
        assertThat(list.inGroup(null, "admin")).isFalse();
        assertThat(list.inGroup("alice", null)).isFalse();
    }

    @Test
    void successesAreRememberedAndFailuresAreNot() {
        VerifiedCache cache = new VerifiedCache();
        Userlist list = new Userlist(MIXED, cache);
        assertThat(list.check("alice", "wrong")).isFalse();
        assertThat(cache.size()).isZero();
        assertThat(list.check("alice", "Hello world!")).isTrue();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.contains("alice", "Hello world!".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(list.check("alice", "Hello world!")).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    /** The story the cache must never tell: a right password opening the door for a wrong one. */
    @Test
    void aWrongPasswordAfterARightOneIsStillWrong() {
        Userlist list = new Userlist(MIXED);
        assertThat(list.check("alice", "Hello world!")).isTrue();
        assertThat(list.check("alice", "Hello world")).isFalse();
        assertThat(list.check("alice", "")).isFalse();
        assertThat(list.check("bob", "Hello world!")).isTrue();
        assertThat(list.check("bob", "Hello world!!")).isFalse();
        assertThat(list.check("carol", "Hello world!")).as("alice's cached password is not carol's").isFalse();
    }

    /** A remembered pair answers without hashing: here the hash would say no. */
    @Test
    void theCacheIsConsultedBeforeTheHash() {
        VerifiedCache cache = new VerifiedCache();
        cache.remember("alice", "planted".getBytes(StandardCharsets.UTF_8));
        Userlist list = new Userlist(MIXED, cache);
        assertThat(list.check("alice", "planted")).isTrue();
        assertThat(list.check("bob", "planted")).isFalse();
    }

    @Test
    void insecurePasswordsAreNotCached() {
        VerifiedCache cache = new VerifiedCache();
        Userlist list = new Userlist(MIXED, cache);
        assertThat(list.check("dave", "s3cret")).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void overlongPasswordsAreRefusedWithoutHashing() {
        String longest = "p".repeat(Userlist.MAX_PASSWORD_BYTES);
        String tooLong = longest + "p";
        Userlist list = new Userlist(config(
                new User("max", ShaCrypt.crypt(ShaCrypt.Variant.SHA512, longest.getBytes(StandardCharsets.UTF_8),
                        "$6$long"), false, List.of()),
                new User("over", ShaCrypt.crypt(ShaCrypt.Variant.SHA512, tooLong.getBytes(StandardCharsets.UTF_8),
                        "$6$long"), false, List.of())));
        assertThat(list.check("max", longest)).isTrue();
        assertThat(list.check("over", tooLong)).isFalse();
    }

    @Test
    void anUnverifiableHashLoadsButNeverAuthenticates() {
        // HAProxy loads such a user too (the parser warns); nobody can log in as it
        Userlist list = new Userlist(config(
                new User("ok", MD5_PASSWORD, false, List.of()),
                new User("zed", "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$42RgPIrXdXSEEs77lDi/4IqKVqFBAVaHJkzw5uD1r57", false,
                        List.of())));
        assertThat(list.hasUser("zed")).isTrue();
        assertThat(list.check("zed", "anything")).isFalse();
        assertThatThrownBy(() -> CryptHash.check("$y$j9T$F5Jx5fExrKuPp53xLKQ..1$42RgPIrXdXSEEs77lDi/4IqKVqFBAVaHJkzw5uD1r57"))
                .isInstanceOf(CryptHashException.class)
                .hasMessage("unsupported password hash scheme '$y$' (yescrypt); "
                        + "Tollgate verifies $1$ (MD5), $5$ (SHA-256) and $6$ (SHA-512) crypt hashes");
    }

    @Test
    void anInsecurePasswordIsNeverReadAsAHash() {
        Userlist list = new Userlist(config(new User("x", "$y$not-a-hash", true, List.of())));
        assertThat(list.check("x", "$y$not-a-hash")).isTrue();
    }

    @Test
    void theFirstOfTwoUsersWithOneNameCounts() {
        Userlist list = new Userlist(config(
                new User("twin", "first", true, List.of("dev")),
                new User("twin", "second", true, List.of("ops"))));
        assertThat(list.check("twin", "first")).isTrue();
        assertThat(list.check("twin", "second")).isFalse();
        assertThat(list.inGroup("twin", "ops")).isFalse();
    }

    /** Event loops check at once; the shared cache must not mix their answers. */
    @Test
    void concurrentChecksAgree() throws Exception {
        Userlist list = new Userlist(MIXED, new VerifiedCache(4));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean right = i % 2 == 0;
                String user = i % 4 < 2 ? "carol" : "dave";
                String password = (user.equals("carol") ? "password" : "s3cret") + (right ? "" : "!");
                results.add(pool.submit(() -> list.check(user, password) == right));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

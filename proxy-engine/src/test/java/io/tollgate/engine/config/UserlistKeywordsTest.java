package io.tollgate.engine.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code userlist} users and groups, declared either way, and their reference checks. */
class UserlistKeywordsTest {

    @Test
    void usersAndGroupsBothWays() {
        Config config = TestConfigs.load("""
                userlist customers
                    group adm users tiger,xdb
                    group dev
                    user scott insecure-password cat groups dev
                    user tiger insecure-password dog
                    user xdb password $6$k6y3o.eP$JlKBx9za966ud67q groups dev,adm
                """);
        UserlistConfig list = config.userlists().get(0);
        assertThat(list.name()).isEqualTo("customers");
        assertThat(list.groups()).containsExactly("adm", "dev");
        assertThat(list.users()).containsExactly(
                new UserlistConfig.User("scott", "cat", true, List.of("dev")),
                new UserlistConfig.User("tiger", "dog", true, List.of("adm")),
                new UserlistConfig.User("xdb", "$6$k6y3o.eP$JlKBx9za966ud67q", false, List.of("dev", "adm")));
        assertThat(list.source()).isEqualTo(new Source("t.cfg", 1));
    }

    @Test
    void problems() {
        assertThat(TestConfigs.errors("""
                userlist u1
                    user a password x groups g1
                    user a insecure-password y
                    group g2 users a,b
                    group g3 members a
                    bogus
                userlist
                """)).satisfiesExactly(
                w -> assertThat(w).startsWith("[WARNING] parsing [t.cfg:2] : userlist 'u1', user 'a': ")
                        .endsWith("; this user will never be authenticated."),
                w -> assertThat(w).isEqualTo("[WARNING] parsing [t.cfg:3] : ignoring duplicated user 'a' in userlist 'u1'."),
                w -> assertThat(w).isEqualTo("[ALERT] parsing [t.cfg:5] : 'group' only supports 'users' option (got 'members')."),
                w -> assertThat(w).isEqualTo("[ALERT] parsing [t.cfg:6] : unknown keyword 'bogus' in 'userlist' section"),
                w -> assertThat(w).isEqualTo("[ALERT] parsing [t.cfg:7] : 'userlist' expects <name> as arguments."),
                w -> assertThat(w).isEqualTo("[ALERT] parsing [t.cfg:2] : userlist 'u1': no such group 'g1' specified in user 'a'"),
                w -> assertThat(w).isEqualTo("[ALERT] parsing [t.cfg:4] : userlist 'u1': no such user 'b' specified in group 'g2'"));
    }

    @Test
    void authFetchesMustNameAUserlistThatExists() {
        assertThat(TestConfigs.errors("""
                userlist admins
                  user bob insecure-password x
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 1s
                  timeout server 1s
                frontend f
                  bind 127.0.0.1:8080
                  acl ok http_auth(admins)
                  acl ko http_auth(nope)
                  http-request auth if !ok
                  http-request deny if !{ http_auth_group(nope2) staff }
                  use_backend b if { http_auth_user bob } { http_auth(nope3) }
                  default_backend b
                backend b
                  server s 127.0.0.1:1
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:11] : unable to find userlist 'nope' referenced in arg 1 of ACL keyword"
                        + " 'http_auth' in proxy 'f'.",
                "[ALERT] parsing [t.cfg:13] : unable to find userlist 'nope2' referenced in arg 1 of ACL keyword"
                        + " 'http_auth_group' in proxy 'f'.",
                "[ALERT] parsing [t.cfg:14] : unable to find userlist 'nope3' referenced in arg 1 of ACL keyword"
                        + " 'http_auth' in proxy 'f'.");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.util.Optional;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.graphql.ActorResolver;
import org.leaddiversion.graphql.Viewer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The host's side of security, as a vendor would write it: Spring Security authenticates (a login form for the
 * browser, HTTP Basic for scripts), and the {@link ActorResolver} turns the authenticated user into the library's
 * {@link Viewer}. The library decides every field from there. The users are the demo's ({@link DemoUsers}).
 *
 * <p>CSRF protection is off for {@code /graphql} only: the endpoint accepts JSON bodies alone, which a cross-site form
 * cannot send without a CORS preflight that this server never allows, and the session cookie is SameSite=Lax.
 */
@Configuration(proxyBeanMethods = false)
class DemoSecurity {

    /** Header a client may send to state another purpose of use than the user's default, e.g. AUDIT. */
    static final String PURPOSE_HEADER = "X-Purpose-Of-Use";

    @Bean
    SecurityFilterChain demoFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/graphiql/")) // or the page asked for, e.g. /dashboard/
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/graphql"))
                // an API client without credentials gets 401, not the browser's redirect to the login form
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/graphql")));
        return http.build();
    }

    @Bean
    UserDetailsService demoUserDetails(PasswordEncoder encoder) {
        var users = new InMemoryUserDetailsManager();
        for (DemoUsers.DemoUser u : DemoUsers.ALL) {
            users.createUser(User.withUsername(u.username()).password(encoder.encode(DemoUsers.PASSWORD))
                    .roles(u.role().name()).build());
        }
        return users;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ActorResolver demoActors() {
        return request -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return Optional.empty();
            }
            return DemoUsers.byName(auth.getName()).map(u -> {
                String stated = request.getHeaders().getFirst(PURPOSE_HEADER);
                Purpose purpose = stated == null || stated.isBlank() ? u.purpose() : purpose(stated.trim());
                return new Viewer(Actor.of(u.actorId(), u.role()), purpose,
                        new RecipientCircumstances(false, u.assigned(), false));
            });
        };
    }

    private static Purpose purpose(String stated) {
        try {
            return Purpose.valueOf(stated);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(PURPOSE_HEADER, "is not a purpose of use; one of "
                    + java.util.Arrays.toString(Purpose.values()));
        }
    }
}

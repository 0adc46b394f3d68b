/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the GraphiQL page is signed in as: its header shows it, and it picks the saved operations for that role. */
@RestController
class WhoAmI {

    @GetMapping("/demo/me")
    Map<String, String> me(Principal principal) {
        var user = DemoUsers.byName(principal.getName()).orElseThrow();
        return Map.of("username", user.username(), "role", user.role().name(), "purpose", user.purpose().name());
    }

    /** The home page and GraphiQL's folder: {@code /} and {@code /graphiql} lead to {@code /graphiql/index.html}. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Pages implements org.springframework.web.servlet.config.annotation.WebMvcConfigurer {
        @Override
        public void addViewControllers(org.springframework.web.servlet.config.annotation.ViewControllerRegistry registry) {
            registry.addRedirectViewController("/", "/graphiql/");
            registry.addRedirectViewController("/graphiql", "/graphiql/");
            registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
        }
    }
}

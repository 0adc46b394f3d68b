/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.graphql.ActorResolver;
import org.leaddiversion.graphql.Viewer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's host: Spring Boot with lead-graphql on the PostgreSQL the runner started, every request read by a
 * project manager for care coordination (the benchmark measures reads, not authentication), and the SQL statements
 * prepared on the pool counted for {@code GET /bench/statements}.
 */
@SpringBootApplication
@RestController
public class NestedPageServer {

    /** The viewer of every request: a project manager, who reads every field group of the page. */
    static final Actor READER = Actor.of("pm-bench", Role.PROJECT_MANAGER);

    private static final AtomicLong STATEMENTS = new AtomicLong();

    @Bean
    ActorResolver benchmarkViewer() {
        return request -> Optional.of(new Viewer(READER, Purpose.CARE_COORDINATION, RecipientCircumstances.none()));
    }

    /** SQL statements prepared on the pool since start: the runner reads it before and after each round. */
    @GetMapping("/bench/statements")
    Map<String, Long> statements() {
        return Map.of("statements", STATEMENTS.get());
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds ? counting(ds) : bean;
            }
        };
    }

    private static DataSource counting(DataSource ds) {
        return (DataSource) Proxy.newProxyInstance(NestedPageServer.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(ds, method, args);
                    if (!(result instanceof Connection c)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(NestedPageServer.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                    STATEMENTS.incrementAndGet();
                                }
                                return invoke(c, m, a);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Starts the host on a free port over {@code jdbcUrl}, with a pool of as many connections as the load opens (at
     * least two) and introspection off, as every W2 run serves it.
     */
    static ConfigurableApplicationContext start(String jdbcUrl, int connections) {
        return new SpringApplicationBuilder(NestedPageServer.class)
                .properties(Map.of("server.port", "0", "spring.datasource.url", jdbcUrl,
                        "spring.datasource.hikari.maximum-pool-size", Integer.toString(Math.max(2, connections)),
                        "spring.main.banner-mode", "off", "logging.level.root", "WARN",
                        "lead.graphql.introspection", "false"))
                .run();
    }
}

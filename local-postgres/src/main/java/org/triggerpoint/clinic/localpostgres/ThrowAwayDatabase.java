package org.triggerpoint.clinic.localpostgres;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives a Spring Boot test context a {@link TestDatabase} of its own, and drops it when the context closes, after
 * the data source (which is made to depend on it) has closed its connections.
 * Use with {@code @ContextConfiguration(initializers = ThrowAwayDatabase.class)}.
 */
public class ThrowAwayDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "throwAwayDatabase";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.create();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(BEAN_NAME, Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "clinic.test-database.name", database.name())));
        DisposableBean dropOnClose = database::close;
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, dropOnClose);
        beanFactory.registerDisposableBean(BEAN_NAME, dropOnClose);
        context.addBeanFactoryPostProcessor(dataSourceDependsOnDatabase());
    }

    private static BeanFactoryPostProcessor dataSourceDependsOnDatabase() {
        return (ConfigurableListableBeanFactory beanFactory) -> {
            for (String name : beanFactory.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(BEAN_NAME))
                        .toArray(String[]::new));
            }
        };
    }
}

package com.atlan.storage.testservers;

import java.net.InetAddress;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Binds every Tomcat connector of S3Mock to the loopback address: Spring Boot's server.address covers only the main
 * connector, and S3Mock adds its plain-http one without an address. Registered in META-INF/spring.factories.
 */
public class LoopbackOnly implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof TomcatServletWebServerFactory factory) {
                    factory.setAddress(InetAddress.getLoopbackAddress());
                    factory.getAdditionalTomcatConnectors()
                            .forEach(connector -> connector.setProperty("address", "127.0.0.1"));
                }
                return bean;
            }
        });
    }
}

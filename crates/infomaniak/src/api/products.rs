//! Products, across organisations or of one, and the services in use.

use super::list::{Direction, Listing, paged};
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::ids::AccountId;
use crate::models::{Product, ServiceCount};
use crate::routes::Route;

/// Fields the product lists sort on (`order_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProductOrder {
    /// What users call it.
    CustomerName,
    /// Kind of product.
    ServiceName,
    /// Expiry.
    ExpiredAt,
    /// Creation.
    CreatedAt,
}

impl ProductOrder {
    fn as_str(self) -> &'static str {
        match self {
            ProductOrder::CustomerName => "customer_name",
            ProductOrder::ServiceName => "service_name",
            ProductOrder::ExpiredAt => "expired_at",
            ProductOrder::CreatedAt => "created_at",
        }
    }
}

/// `GET /1/products`: every product the person has a right on, across organisations.
#[derive(Debug, Clone)]
pub struct ProductsQuery {
    list: Listing,
}

impl ProductsQuery {
    /// Only the products of one organisation (`account_id`).
    #[must_use]
    pub fn account(mut self, account: AccountId) -> Self {
        self.list.call_mut().set("account_id", account);
        self
    }

    /// Only products of one kind (`service_name`, e.g. `domain`).
    #[must_use]
    pub fn service_name(mut self, service: &str) -> Self {
        self.list.call_mut().set("service_name", service);
        self
    }

    /// Only products whose name contains `name` (`customer_name`).
    #[must_use]
    pub fn customer_name(mut self, name: &str) -> Self {
        self.list.call_mut().set("customer_name", name);
        self
    }

    /// Sort field.
    #[must_use]
    pub fn order_by(mut self, field: ProductOrder) -> Self {
        self.list.call_mut().set("order_by", field.as_str());
        self
    }

    /// Sort direction.
    #[must_use]
    pub fn order(mut self, direction: Direction) -> Self {
        self.list.call_mut().set("order", direction.as_str());
        self
    }
}

paged!(ProductsQuery, Product);

/// `GET /1/accounts/{account_id}/products`.
#[derive(Debug, Clone)]
pub struct AccountProductsQuery {
    list: Listing,
}

impl AccountProductsQuery {
    /// Only products of these kinds (`filter[service_names][]`, once per name).
    #[must_use]
    pub fn service_names(mut self, services: &[&str]) -> Self {
        let call = self.list.call_mut();
        call.query.retain(|(k, _)| k != "filter[service_names][]");
        for service in services {
            call.push("filter[service_names][]", service);
        }
        self
    }

    /// Only products with one of these tags (`filter[tags][]`).
    #[must_use]
    pub fn tags(mut self, tags: &[&str]) -> Self {
        let call = self.list.call_mut();
        call.query.retain(|(k, _)| k != "filter[tags][]");
        for tag in tags {
            call.push("filter[tags][]", tag);
        }
        self
    }

    /// Sort field.
    #[must_use]
    pub fn order_by(mut self, field: ProductOrder) -> Self {
        self.list.call_mut().set("order_by", field.as_str());
        self
    }

    /// Sort direction.
    #[must_use]
    pub fn order(mut self, direction: Direction) -> Self {
        self.list.call_mut().set("order", direction.as_str());
        self
    }
}

paged!(AccountProductsQuery, Product);

impl Client {
    /// Every product the person has a right on, across organisations.
    pub fn products(&self) -> ProductsQuery {
        ProductsQuery {
            list: Listing::new(self, Call::to(Route::Products, &[])),
        }
    }

    /// The products of one organisation.
    pub fn account_products(&self, account: AccountId) -> AccountProductsQuery {
        AccountProductsQuery {
            list: Listing::new(self, Call::to(Route::AccountProducts, &[&account])),
        }
    }

    /// The services in use in an organisation, with how many products each.
    ///
    /// # Errors
    /// Any [`Error`]; 404 when the person has no relation to the organisation.
    pub async fn services(&self, account: AccountId) -> Result<Vec<ServiceCount>, Error> {
        let call = Call::to(Route::AccountServices, &[&account]);
        Ok(self.send(&call).await?.data)
    }
}

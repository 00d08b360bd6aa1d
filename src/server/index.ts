// The PAY.JP merchant-backend handler (createPayjpHandler) arrives with the PAY.JP customer-card issue.
export {};

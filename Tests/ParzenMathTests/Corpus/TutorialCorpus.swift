/// A corpus of formulas in the style of tutorials and textbooks on statistics, density
/// estimation and generative models, written for Parzen's tests (not copied from any text).
/// Inline formulas are `$…$`, one per line; display formulas are `$$…$$` blocks. Macros
/// defined near the top are used further down, as a notebook would.
enum TutorialCorpus {
    static let text = #"""
## Probability basics
$p(x) \ge 0$
$\int p(x)\,\mathrm{d}x = 1$
$\sum_{k=1}^{K} \pi_k = 1$
$P(A \cup B) = P(A) + P(B) - P(A \cap B)$
$P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B)}$
$p(x, y) = p(x \mid y)\, p(y)$
$p(x) = \int p(x, z)\, dz$
$\mathbb{E}[X] = \int x\, p(x)\, dx$
$\operatorname{Var}[X] = \mathbb{E}[X^2] - \mathbb{E}[X]^2$
$\operatorname{Cov}(X, Y) = \mathbb{E}\left[(X - \mu_X)(Y - \mu_Y)\right]$
$\mathbb{E}[aX + b] = a\,\mathbb{E}[X] + b$
$\Pr(X \le x) = F(x)$
$F(x) = \int_{-\infty}^{x} f(t)\, dt$
$f(x) = \frac{\mathrm{d}F}{\mathrm{d}x}$
$X \perp Y \iff p(x, y) = p(x)\,p(y)$
$x_1, \ldots, x_n \overset{\text{iid}}{\sim} p$
$\mathcal{D} = \{x_1, x_2, \dots, x_N\}$
$\mathbf{x} \in \mathbb{R}^d$
$\theta \in \Theta \subseteq \mathbb{R}^p$
$\Omega = \{\omega_1, \omega_2\}$
$\mathbb{1}[x > 0]$
$\forall \epsilon > 0\ \exists \delta > 0$
$\lim_{n \to \infty} \frac{1}{n}\sum_{i=1}^{n} X_i = \mu$
$\sqrt{n}\,(\bar{X}_n - \mu) \xrightarrow{d} \mathcal{N}(0, \sigma^2)$
$\bar{x} = \frac{1}{n}\sum_{i=1}^n x_i$
$s^2 = \frac{1}{n-1}\sum_{i=1}^n (x_i - \bar{x})^2$
$\binom{n}{k} p^k (1-p)^{n-k}$
$\frac{\lambda^k e^{-\lambda}}{k!}$
$\Gamma(\alpha) = \int_0^\infty t^{\alpha-1} e^{-t}\, dt$
$B(\alpha, \beta) = \frac{\Gamma(\alpha)\Gamma(\beta)}{\Gamma(\alpha+\beta)}$
$\operatorname{Beta}(x; \alpha, \beta) \propto x^{\alpha - 1}(1-x)^{\beta-1}$
$\mathrm{Cat}(x \mid \boldsymbol{\pi}) = \prod_{k=1}^K \pi_k^{x_k}$
$\mathrm{Dir}(\boldsymbol{\pi} \mid \boldsymbol{\alpha})$
$p(x \mid \lambda) = \lambda e^{-\lambda x}, \quad x \ge 0$
$U \sim \mathcal{U}(0, 1)$
$X = F^{-1}(U)$
$\Phi(z) = \frac{1}{2}\left[1 + \operatorname{erf}\left(\frac{z}{\sqrt{2}}\right)\right]$
$z_{\alpha/2} \approx 1.96$
$\hat{p} \pm z \sqrt{\frac{\hat{p}(1-\hat{p})}{n}}$
$M_X(t) = \mathbb{E}[e^{tX}]$
$\varphi_X(t) = \mathbb{E}[e^{itX}]$
$P(|X - \mu| \ge k\sigma) \le \frac{1}{k^2}$
$P(X \ge a) \le \frac{\mathbb{E}[X]}{a}$
$f(\mathbb{E}[X]) \le \mathbb{E}[f(X)]$
$\log \mathbb{E}[X] \geq \mathbb{E}[\log X]$

## Gaussians
$\mathcal{N}(x \mid \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}} \exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)$
$\log \mathcal{N}(x \mid \mu, \sigma^2) = -\frac{1}{2}\log(2\pi\sigma^2) - \frac{(x - \mu)^2}{2\sigma^2}$
$\Sigma = \mathbb{E}\left[(\mathbf{x} - \boldsymbol{\mu})(\mathbf{x} - \boldsymbol{\mu})^\top\right]$
$\Sigma = U \Lambda U^{\top}$
$\Sigma^{-1/2}$
$\lvert \Sigma \rvert = \prod_{i} \lambda_i$
$\mathbf{x} = \boldsymbol{\mu} + L\mathbf{z},\ LL^\top = \Sigma$
$\mathbf{z} \sim \mathcal{N}(\mathbf{0}, \mathbf{I})$
$(\mathbf{x}-\boldsymbol\mu)^\top \Sigma^{-1} (\mathbf{x}-\boldsymbol\mu)$
$\|\mathbf{x} - \mathbf{y}\|_2^2$
$\lVert x \rVert_1 = \sum_i |x_i|$
$\langle \mathbf{x}, \mathbf{y} \rangle = \mathbf{x}^\top\mathbf{y}$
$\mu_{a \mid b} = \mu_a + \Sigma_{ab}\Sigma_{bb}^{-1}(x_b - \mu_b)$
$\Sigma_{a\mid b} = \Sigma_{aa} - \Sigma_{ab}\Sigma_{bb}^{-1}\Sigma_{ba}$
$\mathcal{N}(\mu_1, \sigma_1^2) * \mathcal{N}(\mu_2, \sigma_2^2) = \mathcal{N}(\mu_1 + \mu_2, \sigma_1^2 + \sigma_2^2)$
$\sigma^2_{\text{post}} = \left(\frac{1}{\sigma_0^2} + \frac{n}{\sigma^2}\right)^{-1}$
$\mu_{\text{post}} = \sigma^2_{\text{post}}\left(\frac{\mu_0}{\sigma_0^2} + \frac{n\bar{x}}{\sigma^2}\right)$
$\chi^2_k$
$t_{\nu}$
$\operatorname{diag}(\sigma_1^2, \ldots, \sigma_d^2)$
$$
\mathcal{N}(\mathbf{x} \mid \boldsymbol{\mu}, \Sigma) = \frac{1}{(2\pi)^{d/2} |\Sigma|^{1/2}} \exp\left( -\frac{1}{2} (\mathbf{x}-\boldsymbol{\mu})^\top \Sigma^{-1} (\mathbf{x}-\boldsymbol{\mu}) \right)
$$
$$
\begin{pmatrix} x_a \\ x_b \end{pmatrix} \sim \mathcal{N}\left( \begin{pmatrix} \mu_a \\ \mu_b \end{pmatrix}, \begin{pmatrix} \Sigma_{aa} & \Sigma_{ab} \\ \Sigma_{ba} & \Sigma_{bb} \end{pmatrix} \right)
$$
$$
\Sigma = \begin{bmatrix} \sigma_1^2 & \rho\sigma_1\sigma_2 \\ \rho\sigma_1\sigma_2 & \sigma_2^2 \end{bmatrix}
$$
$$
\det\begin{vmatrix} a & b \\ c & d \end{vmatrix} = ad - bc
$$
$$
\left\Vert A \right\Vert_F = \sqrt{\sum_{i=1}^m \sum_{j=1}^n |a_{ij}|^2} = \sqrt{\operatorname{tr}(A^\top A)}
$$

## Kernel density estimation
$\hat{f}_h(x) = \frac{1}{nh}\sum_{i=1}^n K\left(\frac{x - x_i}{h}\right)$
$K(u) = \frac{1}{\sqrt{2\pi}} e^{-u^2/2}$
$\int K(u)\, du = 1$
$\int u\, K(u)\, du = 0$
$\mu_2(K) = \int u^2 K(u)\, du$
$R(K) = \int K(u)^2\, du$
$K_h(u) = \frac{1}{h} K\left(\frac{u}{h}\right)$
$h = 0.9 \min\left(\hat{\sigma}, \frac{\mathrm{IQR}}{1.34}\right) n^{-1/5}$
$h_{\text{Scott}} = 3.49\,\hat\sigma\, n^{-1/3}$
$h^\ast = \left(\frac{R(K)}{\mu_2(K)^2 R(f'') n}\right)^{1/5}$
$\operatorname{AMISE}(h) = \frac{R(K)}{nh} + \frac{1}{4} h^4 \mu_2(K)^2 R(f'')$
$\operatorname{Bias}[\hat f_h(x)] \approx \frac{h^2}{2}\mu_2(K) f''(x)$
$\operatorname{Var}[\hat f_h(x)] \approx \frac{R(K) f(x)}{nh}$
$\hat{f}_H(\mathbf{x}) = \frac{1}{n}\sum_{i=1}^n |H|^{-1/2} K\left(H^{-1/2}(\mathbf{x} - \mathbf{x}_i)\right)$
$H = h^2 \mathbf{I}_d$
$\mathcal{O}(n m)$
$\mathcal{O}\left(n \log n\right)$
$\operatorname{LOO}(h) = \sum_{i=1}^{n} \log \hat{f}_{h,-i}(x_i)$
$\hat f_{h,-i}(x_i) = \frac{1}{(n-1)h}\sum_{j \ne i} K\left(\frac{x_i - x_j}{h}\right)$
$\operatorname{ISE}(h) = \int \left(\hat f_h(x) - f(x)\right)^2 dx$
$$
K(u) = \begin{cases} \frac{3}{4}\left(1 - u^2\right) & |u| \le 1 \\ 0 & \text{otherwise} \end{cases}
$$
$$
K(u) = \begin{cases}
\frac{15}{16}(1-u^2)^2 & \text{if } |u| \leq 1,\\
0 & \text{if } |u| > 1
\end{cases}
$$
$$
\begin{aligned}
\mathbb{E}\left[\hat f_h(x)\right] &= \int K_h(x - y) f(y)\, dy \\
&= \int K(u) f(x - hu)\, du \\
&= f(x) + \frac{h^2}{2} f''(x) \mu_2(K) + o(h^2)
\end{aligned}
$$
$$
\operatorname{MISE}(h) = \mathbb{E}\int \left(\hat{f}_h(x) - f(x)\right)^2\, dx = \int \operatorname{Bias}^2 + \int \operatorname{Var}
$$
$$
\begin{equation}
\hat{p}(x) = \frac{1}{N}\sum_{i=1}^{N} \frac{1}{(2\pi\beta)^{d/2}} \exp\left(-\frac{\|x - o_i\|^2}{2\beta}\right)
\label{eq:corpus-kde}
\end{equation}
$$
$\text{as in }\eqref{eq:corpus-kde}$

## Macros
$\newcommand{\R}{\mathbb{R}} \newcommand{\E}{\mathbb{E}} \newcommand{\KL}[2]{D_{\mathrm{KL}}\left(#1 \,\|\, #2\right)} \DeclareMathOperator*{\argmaxop}{arg\,max}$
$x \in \R^n$
$\E_{q}[f] \approx \frac{1}{S}\sum_{s=1}^{S} f(z^{(s)})$
$\KL{q}{p} \ge 0$
$\argmaxop_{\theta} \ell(\theta)$
$\renewcommand{\E}{\mathop{\mathbb{E}}}$
$\E_{x \sim p}[x]$
$\newcommand{\norm}[1]{\left\lVert #1 \right\rVert}$
$\norm{x - y}^2$
$\newcommand{\given}{\,\middle|\,}$
$p\left(x \given y\right)$
$\def\vv#1{\mathbf{#1}}$
$\vv{x}^\top \vv{W} \vv{h}$

## Maximum likelihood
$\mathcal{L}(\theta) = \prod_{i=1}^N p(x_i \mid \theta)$
$\ell(\theta) = \sum_{i=1}^N \log p(x_i \mid \theta)$
$\hat{\theta}_{\text{MLE}} = \arg\max_{\theta} \ell(\theta)$
$\hat\theta_{\mathrm{MAP}} = \arg\max_\theta \left[\log p(\mathcal{D}\mid\theta) + \log p(\theta)\right]$
$\nabla_\theta \ell(\theta) = 0$
$\frac{\partial \ell}{\partial \mu} = \sum_{i=1}^N \frac{x_i - \mu}{\sigma^2}$
$\hat\mu = \frac{1}{N}\sum_i x_i,\quad \hat\sigma^2 = \frac{1}{N}\sum_i (x_i - \hat\mu)^2$
$\mathcal{I}(\theta) = -\mathbb{E}\left[\frac{\partial^2}{\partial\theta^2}\log p(X;\theta)\right]$
$\operatorname{Var}(\hat\theta) \ge \frac{1}{N\,\mathcal{I}(\theta)}$
$\hat\theta \xrightarrow{p} \theta_0$
$\sqrt{N}(\hat\theta - \theta_0) \to \mathcal{N}\left(0, \mathcal{I}(\theta_0)^{-1}\right)$
$\operatorname{NLL}(\theta) = -\frac{1}{N}\sum_{n=1}^{N}\log p_\theta(x_n)$
$\text{bits/dim} = \frac{\operatorname{NLL}}{D \ln 2}$
$\operatorname{AIC} = 2k - 2\log\hat{L}$
$\operatorname{BIC} = k\ln N - 2\ln\hat{L}$
$\Lambda = -2\log\frac{\sup_{\theta\in\Theta_0} L(\theta)}{\sup_{\theta\in\Theta} L(\theta)}$
$$
\begin{align}
\ell(\mu, \sigma^2) &= -\frac{N}{2}\log(2\pi\sigma^2) - \frac{1}{2\sigma^2}\sum_{i=1}^N (x_i - \mu)^2 \label{eq:corpus-gauss-ll}\\
\frac{\partial \ell}{\partial \sigma^2} &= -\frac{N}{2\sigma^2} + \frac{1}{2\sigma^4}\sum_{i=1}^N (x_i-\mu)^2 \nonumber
\end{align}
$$
$$
\begin{align*}
\theta^\star &= \argmin_{\theta\in\Theta} \KL{p_{\text{data}}}{p_\theta} \\
&= \argmin_{\theta} \E_{p_{\text{data}}}\left[\log p_{\text{data}}(x) - \log p_\theta(x)\right] \\
&= \argmax_{\theta} \E_{p_{\text{data}}}\left[\log p_\theta(x)\right]
\end{align*}
$$
$$
\hat{\theta} = \underset{\theta}{\arg\min}\; -\sum_{i=1}^{N} \log p(x_i;\theta) + \lambda \|\theta\|_2^2
$$

## Information theory
$H(p) = -\sum_x p(x)\log p(x)$
$H(X) = -\int p(x)\ln p(x)\,\mathrm{d}x$
$H(p, q) = -\mathbb{E}_{p}[\log q(x)]$
$D_{\mathrm{KL}}(p\,\|\,q) = \int p(x)\log\frac{p(x)}{q(x)}\,dx$
$D_{\mathrm{KL}}(p \| q) \neq D_{\mathrm{KL}}(q \| p)$
$I(X; Y) = D_{\mathrm{KL}}\left(p(x,y) \,\|\, p(x)p(y)\right)$
$I(X;Y) = H(X) - H(X \mid Y)$
$\mathrm{JS}(p\|q) = \frac{1}{2}\mathrm{KL}\left(p \,\middle\|\, m\right) + \frac12\mathrm{KL}(q \| m)$
$m = \tfrac{1}{2}(p + q)$
$D_f(p \| q) = \int q(x)\, f\!\left(\frac{p(x)}{q(x)}\right) dx$
$W_1(p, q) = \inf_{\gamma \in \Pi(p, q)} \mathbb{E}_{(x, y)\sim\gamma}\left[\|x - y\|\right]$
$W_1(p,q) = \sup_{\|f\|_L \le 1} \mathbb{E}_{p}[f] - \mathbb{E}_{q}[f]$
$\operatorname{MMD}^2 = \mathbb{E}[k(x,x')] - 2\mathbb{E}[k(x,y)] + \mathbb{E}[k(y,y')]$
$k(x, y) = \exp\left(-\frac{\|x-y\|^2}{2\ell^2}\right)$
$D_{\mathrm{KL}}\big(\mathcal{N}(\mu_1,\sigma_1^2)\,\big\|\,\mathcal{N}(\mu_2,\sigma_2^2)\big) = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2} - \frac{1}{2}$
$$
D_{\mathrm{KL}}\left(\mathcal{N}_0 \,\|\, \mathcal{N}_1\right) = \frac{1}{2}\left( \operatorname{tr}\left(\Sigma_1^{-1}\Sigma_0\right) + (\mu_1 - \mu_0)^\top \Sigma_1^{-1} (\mu_1 - \mu_0) - k + \ln\frac{\det\Sigma_1}{\det\Sigma_0} \right)
$$
$$
\begin{aligned}
D_{\text{KL}}(p\,\|\,q) &= \mathbb{E}_p\left[-\log\frac{q(x)}{p(x)}\right] \\
&\geq -\log \mathbb{E}_p\left[\frac{q(x)}{p(x)}\right] && \text{(Jensen)} \\
&= -\log \int q(x)\,dx = 0
\end{aligned}
$$

## Latent variable models and EM
$p(x) = \sum_{k=1}^K \pi_k \mathcal{N}(x \mid \mu_k, \Sigma_k)$
$z \sim \operatorname{Cat}(\pi), \quad x \mid z = k \sim \mathcal{N}(\mu_k, \Sigma_k)$
$\gamma_{ik} = \frac{\pi_k \mathcal{N}(x_i \mid \mu_k, \Sigma_k)}{\sum_{j=1}^{K}\pi_j \mathcal{N}(x_i \mid \mu_j, \Sigma_j)}$
$N_k = \sum_{i=1}^{N} \gamma_{ik}$
$\mu_k^{\text{new}} = \frac{1}{N_k}\sum_{i=1}^N \gamma_{ik} x_i$
$\Sigma_k^{\text{new}} = \frac{1}{N_k}\sum_{i=1}^N \gamma_{ik}(x_i - \mu_k^{\text{new}})(x_i-\mu_k^{\text{new}})^\top$
$\pi_k^{\text{new}} = \frac{N_k}{N}$
$Q(\theta, \theta^{(t)}) = \mathbb{E}_{z \sim p(z \mid x, \theta^{(t)})}\left[\log p(x, z \mid \theta)\right]$
$\theta^{(t+1)} = \arg\max_\theta Q(\theta, \theta^{(t)})$
$\ell(\theta^{(t+1)}) \ge \ell(\theta^{(t)})$
$x = Wz + \mu + \epsilon, \quad \epsilon \sim \mathcal{N}(0, \Psi)$
$p(x) = \mathcal{N}(x \mid \mu, WW^\top + \sigma^2 I)$
$W_{\mathrm{ML}} = U_q (\Lambda_q - \sigma^2 I)^{1/2} R$
$\sigma^2_{\mathrm{ML}} = \frac{1}{d - q}\sum_{j=q+1}^{d} \lambda_j$
$M = W^\top W + \sigma^2 I$
$p(z \mid x) = \mathcal{N}\left(z \mid M^{-1}W^\top(x - \mu), \sigma^2 M^{-1}\right)$
$\mathbf{X} = \mathbf{U}\boldsymbol{\Sigma}\mathbf{V}^{\top}$
$\frac{1}{N}\mathbf{X}^\top\mathbf{X} = \mathbf{V}\,\Lambda\,\mathbf{V}^\top$
$\max_{\|w\| = 1} w^\top S w$
$$
\log p(x \mid \theta) = \log \sum_{z} q(z)\frac{p(x, z \mid \theta)}{q(z)} \geq \sum_z q(z) \log\frac{p(x,z\mid\theta)}{q(z)}
$$
$$
\begin{gather}
p(x, z) = p(z)\,p(x \mid z) \\
p(z \mid x) = \frac{p(x \mid z)\, p(z)}{\int p(x \mid z')\, p(z')\, dz'}
\end{gather}
$$
$$
\begin{equation}
\begin{split}
\log p(x) &= \mathcal{L}(q, \theta) + D_{\mathrm{KL}}\left(q(z) \,\|\, p(z \mid x)\right) \\
&\ge \mathcal{L}(q, \theta)
\end{split}
\end{equation}
$$
$$
r_{nk} = \begin{cases} 1 & \text{if } k = \arg\min_j \|x_n - \mu_j\|^2 \\ 0 & \text{otherwise} \end{cases}
$$
$$
J = \sum_{n=1}^{N}\sum_{k=1}^{K} r_{nk}\,\|x_n - \mu_k\|^2
$$

## Variational autoencoders
$q_\phi(z \mid x) = \mathcal{N}\left(z; \mu_\phi(x), \operatorname{diag}(\sigma^2_\phi(x))\right)$
$z = \mu + \sigma \odot \epsilon, \quad \epsilon \sim \mathcal{N}(0, I)$
$\nabla_\phi \mathbb{E}_{q_\phi}[f(z)] = \mathbb{E}_{\epsilon}\left[\nabla_\phi f(g_\phi(\epsilon, x))\right]$
$\nabla_\phi \mathbb{E}_{q_\phi}[f] = \mathbb{E}_{q_\phi}\left[f(z)\nabla_\phi \log q_\phi(z)\right]$
$\mathcal{L}_{\beta} = \mathbb{E}_{q}[\log p(x\mid z)] - \beta\, D_{\mathrm{KL}}(q(z\mid x)\|p(z))$
$-\frac{1}{2}\sum_{j=1}^{J}\left(1 + \log\sigma_j^2 - \mu_j^2 - \sigma_j^2\right)$
$\log p(x) \approx \log \frac{1}{K}\sum_{k=1}^K \frac{p(x, z_k)}{q(z_k \mid x)}$
$\mathcal{L}_K = \mathbb{E}\left[\log\frac{1}{K}\sum_{k=1}^{K} w_k\right]$
$\log p(x) - \operatorname{ELBO} = D_{\mathrm{KL}}(q_\phi(z\mid x) \,\|\, p_\theta(z \mid x))$
$$
\operatorname{ELBO}(\theta, \phi) = \mathbb{E}_{q_\phi(z \mid x)}\left[\log p_\theta(x \mid z)\right] - D_{\mathrm{KL}}\left(q_\phi(z \mid x) \,\|\, p(z)\right)
$$
$$
\begin{align}
\log p_\theta(x) &= \log \int p_\theta(x \mid z) p(z)\, dz \\
&= \log \mathbb{E}_{q_\phi(z\mid x)}\left[\frac{p_\theta(x\mid z)p(z)}{q_\phi(z\mid x)}\right] \\
&\geq \mathbb{E}_{q_\phi(z\mid x)}\left[\log \frac{p_\theta(x\mid z)p(z)}{q_\phi(z\mid x)}\right] \tag{ELBO}
\end{align}
$$
$$
\underbrace{\mathbb{E}_{q}\left[\log p(x\mid z)\right]}_{\text{reconstruction}} - \underbrace{D_{\mathrm{KL}}(q(z\mid x)\,\|\,p(z))}_{\text{regularisation}}
$$

## Generative adversarial networks
$\min_G \max_D V(D, G)$
$V(D,G) = \mathbb{E}_{x\sim p_{\text{data}}}[\log D(x)] + \mathbb{E}_{z\sim p_z}[\log(1 - D(G(z)))]$
$D^*(x) = \frac{p_{\text{data}}(x)}{p_{\text{data}}(x) + p_g(x)}$
$C(G) = -\log 4 + 2\cdot \mathrm{JSD}(p_{\text{data}} \| p_g)$
$\mathcal{L}_G = -\mathbb{E}_{z}[\log D(G(z))]$
$\mathcal{L}_D = -\mathbb{E}_{x}[\log D(x)] - \mathbb{E}_z[\log(1 - D(G(z)))]$
$\lambda\, \mathbb{E}_{\hat x}\left[(\|\nabla_{\hat x} D(\hat x)\|_2 - 1)^2\right]$
$\hat{x} = \epsilon x + (1 - \epsilon)\tilde{x}$
$\operatorname{FID} = \|\mu_r - \mu_g\|^2 + \operatorname{Tr}\left(\Sigma_r + \Sigma_g - 2(\Sigma_r\Sigma_g)^{1/2}\right)$
$\operatorname{IS} = \exp\left(\mathbb{E}_x D_{\mathrm{KL}}(p(y\mid x)\,\|\,p(y))\right)$
$$
\min_{G}\max_{D}\; \mathbb{E}_{x \sim p_{\text{data}}}\left[\log D(x)\right] + \mathbb{E}_{z \sim p(z)}\left[\log\left(1 - D\left(G(z)\right)\right)\right]
$$
$$
\begin{aligned}
V(D^*, G) &= \mathbb{E}_{x\sim p_{\text{data}}}\left[\log\frac{p_{\text{data}}(x)}{p_{\text{data}}(x)+p_g(x)}\right] + \mathbb{E}_{x\sim p_g}\left[\log\frac{p_g(x)}{p_{\text{data}}(x)+p_g(x)}\right] \\
&= -\log 4 + D_{\mathrm{KL}}\left(p_{\text{data}} \,\middle\|\, \frac{p_{\text{data}} + p_g}{2}\right) + D_{\mathrm{KL}}\left(p_g \,\middle\|\, \frac{p_{\text{data}}+p_g}{2}\right)
\end{aligned}
$$

## Normalizing flows
$x = f(z), \quad z = f^{-1}(x)$
$p_X(x) = p_Z(f^{-1}(x)) \left|\det \frac{\partial f^{-1}}{\partial x}\right|$
$\log p_X(x) = \log p_Z(z) - \sum_{k=1}^K \log\left|\det J_{f_k}(z_{k-1})\right|$
$f = f_K \circ \cdots \circ f_1$
$y_{1:d} = x_{1:d}, \quad y_{d+1:D} = x_{d+1:D} \odot \exp(s(x_{1:d})) + t(x_{1:d})$
$\log\left|\det \frac{\partial y}{\partial x^\top}\right| = \sum_j s(x_{1:d})_j$
$\frac{\partial \log p(z(t))}{\partial t} = -\operatorname{tr}\left(\frac{\partial f}{\partial z(t)}\right)$
$\frac{dz}{dt} = f(z(t), t; \theta)$
$J = \begin{bmatrix} \mathbb{I}_d & 0 \\ \frac{\partial y_{d+1:D}}{\partial x_{1:d}^\top} & \operatorname{diag}\left(\exp s\right) \end{bmatrix}$
$$
\log p_\theta(x) = \log p_Z\left(f_\theta(x)\right) + \log\left|\det\left(\frac{\partial f_\theta(x)}{\partial x^{\top}}\right)\right|
$$
$$
\begin{bmatrix} y_1 \\ y_2 \end{bmatrix} = \begin{bmatrix} x_1 \\ x_2 \odot \exp\bigl(s(x_1)\bigr) + t(x_1) \end{bmatrix}
$$

## Diffusion and score-based models
$q(x_t \mid x_{t-1}) = \mathcal{N}\left(x_t; \sqrt{1 - \beta_t}\, x_{t-1}, \beta_t I\right)$
$\alpha_t = 1 - \beta_t, \quad \bar\alpha_t = \prod_{s=1}^{t}\alpha_s$
$q(x_t \mid x_0) = \mathcal{N}\left(x_t; \sqrt{\bar\alpha_t}\, x_0, (1 - \bar\alpha_t) I\right)$
$x_t = \sqrt{\bar{\alpha}_t}\,x_0 + \sqrt{1-\bar{\alpha}_t}\,\epsilon$
$\mathcal{L}_{\text{simple}} = \mathbb{E}_{t, x_0, \epsilon}\left[\left\|\epsilon - \epsilon_\theta\left(x_t, t\right)\right\|^2\right]$
$\tilde\mu_t(x_t, x_0) = \frac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1-\bar\alpha_t}x_0 + \frac{\sqrt{\alpha_t}(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}x_t$
$\tilde\beta_t = \frac{1 - \bar\alpha_{t-1}}{1 - \bar\alpha_t}\beta_t$
$s_\theta(x) \approx \nabla_x \log p(x)$
$\mathbb{E}_{p(x)}\left[\|s_\theta(x) - \nabla_x \log p(x)\|_2^2\right]$
$\mathbb{E}_{p(x)}\left[\operatorname{tr}\left(\nabla_x s_\theta(x)\right) + \frac{1}{2}\|s_\theta(x)\|_2^2\right]$
$x_{k+1} = x_k + \frac{\eta}{2}\nabla_x \log p(x_k) + \sqrt{\eta}\, z_k$
$\mathrm{d}x = f(x, t)\,\mathrm{d}t + g(t)\,\mathrm{d}w$
$\mathrm{d}x = \left[f(x,t) - g(t)^2 \nabla_x \log p_t(x)\right]\mathrm{d}t + g(t)\,\mathrm{d}\bar{w}$
$\frac{\mathrm{d}x}{\mathrm{d}t} = f(x, t) - \frac{1}{2}g(t)^2\nabla_x\log p_t(x)$
$\tilde{\epsilon}_\theta(x_t, c) = (1 + w)\,\epsilon_\theta(x_t, c) - w\,\epsilon_\theta(x_t)$
$$
p_\theta(x_{0:T}) = p(x_T)\prod_{t=1}^{T} p_\theta(x_{t-1} \mid x_t), \qquad p_\theta(x_{t-1}\mid x_t) = \mathcal{N}\left(x_{t-1}; \mu_\theta(x_t, t), \Sigma_\theta(x_t, t)\right)
$$
$$
\begin{multline}
\mathcal{L}_{\text{VLB}} = \mathbb{E}_q\left[D_{\mathrm{KL}}\left(q(x_T \mid x_0) \,\|\, p(x_T)\right)\right] \\
+ \sum_{t > 1}\mathbb{E}_q\left[D_{\mathrm{KL}}\left(q(x_{t-1}\mid x_t, x_0) \,\|\, p_\theta(x_{t-1} \mid x_t)\right)\right] - \mathbb{E}_q\left[\log p_\theta(x_0 \mid x_1)\right]
\end{multline}
$$
$$
\mu_\theta(x_t, t) = \frac{1}{\sqrt{\alpha_t}}\left(x_t - \frac{\beta_t}{\sqrt{1 - \bar\alpha_t}}\,\epsilon_\theta(x_t, t)\right)
$$

## Sampling and Monte Carlo
$\mathbb{E}_p[f] \approx \frac{1}{S}\sum_{s=1}^S f(x^{(s)}), \quad x^{(s)} \sim p$
$\mathbb{E}_p[f] = \mathbb{E}_q\left[f(x)\frac{p(x)}{q(x)}\right]$
$w_s = \frac{\tilde{p}(x_s)/q(x_s)}{\sum_{s'} \tilde{p}(x_{s'})/q(x_{s'})}$
$\operatorname{ESS} = \frac{\left(\sum_s w_s\right)^2}{\sum_s w_s^2}$
$A(x' \mid x) = \min\left(1, \frac{p(x')\,q(x \mid x')}{p(x)\,q(x' \mid x)}\right)$
$x_i^{(t+1)} \sim p\left(x_i \mid x_{-i}^{(t)}\right)$
$\pi(x')T(x \mid x') = \pi(x)T(x' \mid x)$
$u \le \frac{p(x)}{M q(x)}$
$\operatorname{Var}\left[\hat{I}_S\right] = \frac{\sigma^2}{S}$
$\hat{R} = \sqrt{\frac{\hat{V}}{W}}$
$H(q, p) = U(q) + \frac{1}{2}p^\top M^{-1} p$
$p_{t+\epsilon/2} = p_t - \frac{\epsilon}{2}\nabla U(q_t)$
$$
\hat{Z} = \frac{1}{S}\sum_{s=1}^{S} \frac{\tilde p(x^{(s)})}{q(x^{(s)})}, \qquad x^{(s)} \overset{\text{iid}}{\sim} q
$$

## Optimisation and learning
$\theta_{t+1} = \theta_t - \eta\,\nabla_\theta \mathcal{L}(\theta_t)$
$m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t$
$v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2$
$\hat m_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat v_t = \frac{v_t}{1-\beta_2^t}$
$\theta_t = \theta_{t-1} - \alpha \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}$
$\sigma(x) = \frac{1}{1 + e^{-x}}$
$\sigma'(x) = \sigma(x)\left(1 - \sigma(x)\right)$
$\operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}$
$\operatorname{ReLU}(x) = \max(0, x)$
$\tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}$
$\mathcal{L}_{\text{CE}} = -\sum_{k=1}^{K} y_k \log \hat{y}_k$
$\mathcal{L} = -\frac{1}{N}\sum_{n=1}^N \left[y_n\log\hat{y}_n + (1 - y_n)\log(1 - \hat{y}_n)\right]$
$\operatorname{MSE} = \frac{1}{N}\sum_{n=1}^N (y_n - \hat{y}_n)^2$
$\hat{\mathbf{w}} = (\mathbf{X}^\top\mathbf{X} + \lambda\mathbf{I})^{-1}\mathbf{X}^\top\mathbf{y}$
$\mathbb{E}[(y - \hat f)^2] = \operatorname{Bias}[\hat f]^2 + \operatorname{Var}[\hat f] + \sigma^2$
$\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V$
$h_t = \tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)$
$p(x) = \prod_{i=1}^{D} p(x_i \mid x_{<i})$
$\log p(x) = \sum_{i=1}^{D}\log p(x_i \mid x_1, \ldots, x_{i-1})$
$E(x) = -\log \tilde p(x), \quad p(x) = \frac{e^{-E(x)}}{Z}$
$Z = \int e^{-E(x)}\,dx$
$\nabla_\theta \log p_\theta(x) = -\nabla_\theta E_\theta(x) + \mathbb{E}_{x' \sim p_\theta}\left[\nabla_\theta E_\theta(x')\right]$
$\mathcal{L}_{\text{NCE}} = -\mathbb{E}\left[\log\frac{e^{f(x,y)}}{\sum_{y'} e^{f(x,y')}}\right]$
$\|\nabla f(x) - \nabla f(y)\| \le L\|x - y\|$
$f(y) \ge f(x) + \nabla f(x)^\top (y - x) + \frac{\mu}{2}\|y - x\|^2$
$f(\lambda x + (1-\lambda) y) \le \lambda f(x) + (1 - \lambda) f(y)$
$\mathcal{L}(x, \lambda) = f(x) + \lambda\, g(x)$
$\nabla^2 f(x) \succeq 0$
$H_{ij} = \frac{\partial^2 f}{\partial x_i \partial x_j}$
$\frac{\partial}{\partial \mathbf{x}} \mathbf{x}^\top A \mathbf{x} = (A + A^\top)\mathbf{x}$
$\frac{\partial}{\partial A}\log\det A = A^{-\top}$
$\frac{\partial}{\partial X}\operatorname{tr}(AX) = A^\top$
$$
\begin{aligned}
\nabla_{\mathbf{w}} \mathcal{L} &= \frac{1}{N}\sum_{n=1}^{N} \left(\sigma(\mathbf{w}^\top\mathbf{x}_n) - y_n\right)\mathbf{x}_n \\
\mathbf{w} &\leftarrow \mathbf{w} - \eta\, \nabla_{\mathbf{w}}\mathcal{L}
\end{aligned}
$$
$$
\operatorname{ReLU}(x) = \begin{cases} x, & x > 0 \\ 0, & x \le 0 \end{cases} \qquad \operatorname{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ \alpha x & \text{else} \end{cases}
$$

## Bayesian inference
$p(\theta \mid \mathcal{D}) = \frac{p(\mathcal{D} \mid \theta)\,p(\theta)}{p(\mathcal{D})}$
$p(\theta \mid \mathcal{D}) \propto p(\mathcal{D} \mid \theta)\, p(\theta)$
$p(\mathcal{D}) = \int p(\mathcal{D}\mid\theta)p(\theta)\,d\theta$
$p(x^* \mid \mathcal{D}) = \int p(x^* \mid \theta)\, p(\theta \mid \mathcal{D})\, d\theta$
$\theta \mid x \sim \operatorname{Beta}(\alpha + k, \beta + n - k)$
$\mathbb{E}[\theta \mid x] = \frac{\alpha + k}{\alpha + \beta + n}$
$q^*(\theta) = \arg\min_{q \in \mathcal{Q}} D_{\mathrm{KL}}(q(\theta)\,\|\,p(\theta\mid\mathcal{D}))$
$\log q_j^*(z_j) = \mathbb{E}_{i \neq j}\left[\log p(x, z)\right] + \text{const}$
$q(z) = \prod_{j=1}^{M} q_j(z_j)$
$\frac{p(\mathcal{D}\mid M_1)}{p(\mathcal{D}\mid M_2)}$
$f \sim \mathcal{GP}(m(x), k(x, x'))$
$\mu_* = K_*^\top (K + \sigma_n^2 I)^{-1} y$
$\Sigma_* = K_{**} - K_*^\top (K + \sigma_n^2 I)^{-1} K_*$
$\log p(y \mid X) = -\tfrac{1}{2}y^\top K_y^{-1}y - \tfrac{1}{2}\log|K_y| - \tfrac{n}{2}\log 2\pi$
$$
\begin{bmatrix} \mathbf{f} \\ \mathbf{f}_* \end{bmatrix} \sim \mathcal{N}\left(\mathbf{0}, \begin{bmatrix} K(X, X) & K(X, X_*) \\ K(X_*, X) & K(X_*, X_*) \end{bmatrix}\right)
$$
$$
\begin{align}
p(\mu \mid \mathcal{D}) &\propto \prod_{i=1}^{n} \exp\left(-\frac{(x_i - \mu)^2}{2\sigma^2}\right) \exp\left(-\frac{(\mu - \mu_0)^2}{2\sigma_0^2}\right) \notag \\
&\propto \exp\left(-\frac{(\mu - \mu_n)^2}{2\sigma_n^2}\right)
\end{align}
$$

## Linear algebra and matrices
$A\mathbf{v} = \lambda\mathbf{v}$
$\det(A - \lambda I) = 0$
$\operatorname{tr}(AB) = \operatorname{tr}(BA)$
$\operatorname{rank}(A) \le \min(m, n)$
$(AB)^{-1} = B^{-1}A^{-1}$
$(A + UCV)^{-1} = A^{-1} - A^{-1}U\left(C^{-1} + VA^{-1}U\right)^{-1}VA^{-1}$
$\det\begin{pmatrix} A & B \\ C & D \end{pmatrix} = \det(A)\det(D - CA^{-1}B)$
$A \otimes B$
$A \circ B$
$\mathbf{x}^{\top}\mathbf{y} = \sum_{i=1}^{d} x_i y_i$
$\cos\theta = \frac{\mathbf{u}\cdot\mathbf{v}}{\|\mathbf{u}\|\,\|\mathbf{v}\|}$
$\left\lfloor \frac{n}{2} \right\rfloor + \left\lceil \frac{n}{2}\right\rceil = n$
$\begin{smallmatrix} a & b \\ c & d \end{smallmatrix}$
$\left(\begin{smallmatrix} 1 & 0 \\ 0 & 1 \end{smallmatrix}\right)$
$\mathbf{e}_i = (0, \ldots, 0, 1, 0, \ldots, 0)^\top$
$$
A = \begin{pmatrix} a_{11} & a_{12} & \cdots & a_{1n} \\ a_{21} & a_{22} & \cdots & a_{2n} \\ \vdots & \vdots & \ddots & \vdots \\ a_{m1} & a_{m2} & \cdots & a_{mn} \end{pmatrix}
$$
$$
\begin{Bmatrix} x \mid x > 0 \end{Bmatrix} \quad \begin{Vmatrix} 1 & 2 \\ 3 & 4 \end{Vmatrix} \quad \begin{matrix} a & b \\ c & d \end{matrix}
$$
$$
\left[\begin{array}{cc|c} 1 & 2 & 3 \\ 4 & 5 & 6 \end{array}\right]
$$
$$
\begin{array}{lcl} f(x) & = & x^2 \\ g(x) & = & \sqrt{x} \end{array}
$$

## Calculus and analysis
$\frac{d}{dx} e^{x} = e^{x}$
$\frac{\mathrm{d}}{\mathrm{d}x}\log x = \frac{1}{x}$
$\int_a^b f'(x)\,dx = f(b) - f(a)$
$\iint_{\mathbb{R}^2} e^{-(x^2+y^2)}\,dx\,dy = \pi$
$\oint_C \mathbf{F}\cdot d\mathbf{r}$
$\iiint_V \nabla\cdot\mathbf{F}\, dV$
$\int_{-\infty}^{\infty} e^{-x^2}\,dx = \sqrt{\pi}$
$f(x) \approx f(a) + f'(a)(x-a) + \frac{f''(a)}{2!}(x-a)^2$
$e^{x} = \sum_{n=0}^{\infty} \frac{x^n}{n!}$
$\log(1 + x) = x - \frac{x^2}{2} + \frac{x^3}{3} - \cdots$
$n! \approx \sqrt{2\pi n}\left(\frac{n}{e}\right)^n$
$\lim_{h \to 0} \frac{f(x+h) - f(x)}{h}$
$\limsup_{n\to\infty} a_n$
$\liminf_{n \to\infty} a_n$
$\sup_{x\in A} f(x) \ge \inf_{x\in A} f(x)$
$f(n) = \mathcal{O}(g(n))$
$a_n = o(1)$
$\frac{\partial^2 u}{\partial t^2} = c^2 \nabla^2 u$
$\nabla f = \left(\frac{\partial f}{\partial x_1}, \ldots, \frac{\partial f}{\partial x_n}\right)^\top$
$J_{ij} = \frac{\partial f_i}{\partial x_j}$
$\dot{x} = -\nabla V(x)$
$\ddot{x} + \omega^2 x = 0$
$\vec{F} = m\vec{a}$
$\hat{y} = \widehat{f}(x)$
$\tilde{p}(x) = \widetilde{Z}\, p(x)$
$\overline{x + y} = \bar{x} + \bar{y}$
$\check{x}\ \breve{x}\ \acute{x}\ \grave{x}$
$y' = \frac{dy}{dx},\ y'' = \frac{d^2y}{dx^2}$
$\sqrt[3]{27} = 3$
$\sqrt{\sqrt{x}} = x^{1/4}$
$\lfloor x \rfloor \le x < \lfloor x \rfloor + 1$
$|x| = \begin{cases} x & x \ge 0 \\ -x & x < 0 \end{cases}$
$\operatorname{sign}(x) \in \{-1, 0, 1\}$
$a \bmod b$
$\gcd(a, b) = 1$
$\log_2 8 = 3$
$\ln e = 1$
$\exp(\log x) = x$
$\sin^2 x + \cos^2 x = 1$
$\arctan(1) = \frac{\pi}{4}$
$$
\int_{0}^{1}\!\!\int_{0}^{1} f(x, y)\, dx\, dy = \lim_{n\to\infty}\frac{1}{n^2}\sum_{i=1}^{n}\sum_{j=1}^{n} f\left(\frac{i}{n}, \frac{j}{n}\right)
$$
$$
\frac{d}{d\theta}\int p_\theta(x) f(x)\,dx = \int \frac{\partial p_\theta(x)}{\partial\theta} f(x)\,dx = \mathbb{E}_{p_\theta}\left[f(x)\frac{\partial}{\partial\theta}\log p_\theta(x)\right]
$$

## Sets, logic and misc notation
$A \subset B \subseteq C$
$A \cap B = \emptyset$
$x \notin A$
$A \setminus B$
$\bigcup_{i=1}^{n} A_i$
$\bigcap_{i \in I} A_i$
$f: \mathcal{X} \to \mathcal{Y}$
$x \mapsto x^2$
$g \circ f$
$a \ll b, \quad c \gg d$
$a \approx b \ne c$
$a \equiv b \pmod{n}$
$p \Rightarrow q \Leftrightarrow \neg q \Rightarrow \neg p$
$p \land q \lor r$
$\{x \in \mathbb{R} : x > 0\}$
$\left\{ x \;\middle|\; x^2 < 2 \right\}$
$[0, 1]^d$
$(0, \infty)$
$\mathbb{N} \subset \mathbb{Z} \subset \mathbb{Q} \subset \mathbb{R} \subset \mathbb{C}$
$\aleph_0$
$\ell_2$
$\hbar\omega$
$\partial\Omega$
$2^{\mathcal{X}}$
$\mathcal{F} = \sigma(X_1, \dots, X_n)$
$\mathfrak{g}$
$\mathsf{Enc}(x)$
$\mathtt{x\_train}$
$\mathrm{d}\mu = f\,\mathrm{d}\lambda$
$\frac{\mathrm{d}P}{\mathrm{d}Q}$
$\stackrel{\text{def}}{=}$
$a \coloneqq b$
$x \triangleq y$
$f \propto g$
$\color{blue} x + y$
$\textcolor{red}{\theta} + \phi$
$\mathbf{A} = \boldsymbol{\Lambda}$
$\boldsymbol{\theta}^\star$
$\mathit{loss}$
$\text{if } x > 0 \text{ then } 1$
$\text{for all } i \in \{1, \ldots, n\}$
$\textbf{bold}\ \textit{italic}$
$\big( \Big( \bigg( \Bigg($
$\bigl[ x \bigr]$
$\Biggl\{ y \Biggr\}$
$\phantom{x} y$
$a\,b\:c\;d\!e$
$x \quad y \qquad z$
$\hspace{1em} x$
$\dfrac{1}{2} + \tfrac{1}{2} = 1$
$\dbinom{n}{2}$
$\tbinom{n}{2}$
$\frac{a}{b}\Big/ c$
$a/b$
$\underline{x}$
$\overbrace{1 + \cdots + 1}^{n}$
$\underbrace{x + \cdots + x}_{n\ \text{times}}$
$\overset{\triangle}{=}$
$\underset{n \to \infty}{\longrightarrow}$
$\xrightarrow[\text{below}]{\text{above}}$
$\xleftarrow{f}$
$A \xrightarrow{f} B \xrightarrow{g} C$
$\not\in$
$a \not\equiv b$
$\varepsilon, \epsilon, \vartheta, \varphi, \phi, \varsigma, \varrho, \varpi, \varkappa$
$\alpha\beta\gamma\delta\zeta\eta\iota\kappa\lambda\mu\nu\xi\pi\rho\sigma\tau\upsilon\chi\psi\omega$
$\Gamma\Delta\Theta\Lambda\Xi\Pi\Sigma\Upsilon\Phi\Psi\Omega$
$\pm\mp\times\div\cdot\ast\star\dagger\ddagger$
$\leq\geq\neq\sim\simeq\cong\propto\prec\succ\preceq\succeq$
$\leftarrow\rightarrow\leftrightarrow\Leftarrow\Rightarrow\Leftrightarrow\uparrow\downarrow$
$\longrightarrow\Longrightarrow\longmapsto\hookrightarrow$
$\infty\nabla\partial\forall\exists\nexists\emptyset\varnothing$
$\cup\cap\uplus\sqcup\vee\wedge\oplus\ominus\otimes\oslash\odot$
$\top\bot\vdash\models\perp\parallel\mid\nmid$
$\ldots\cdots\vdots\ddots$
$\langle\rangle\lceil\rceil\lfloor\rfloor\lvert\rvert\lVert\rVert$
$\sum\prod\coprod\int\oint\iint\bigcup\bigcap\bigoplus\bigotimes\bigvee\bigwedge$
$\hat{\imath} + \hat{\jmath}$
$\%\ \$\ \#\ \&\ \_$
$\{a, b\}$
$x_{i,j}^{(k)}$
$x^{y^{z}}$
$e^{-\frac{1}{2}x^2}$
$a_{n_{k}}$
$10^{-3}$
$3.14159$
$1{,}000$
$-\infty < x < \infty$
$f^{(n)}(x)$
$\theta'$
$\theta''$
$f'''(x)$
$(f \ast g)(x) = \int f(y)\, g(x - y)\, dy$
$$
\begin{gather*}
a = b + c \\
d = e + f + g
\end{gather*}
$$
$$
\begin{align}
x &= y & z &= w \\
u &= v & s &= t \nonumber
\end{align}
$$
$$
\begin{equation*}
\begin{gathered}
x = 1 \\
y = 2
\end{gathered}
\end{equation*}
$$
$$
f(x) = \begin{dcases} \frac{1}{x} & x \neq 0 \\ 0 & x = 0 \end{dcases}
$$
$$
\begin{alignat}{2}
x &= 1 &\quad y &= 2
\end{alignat}
$$
$$
\left.\frac{\partial f}{\partial x}\right|_{x = 0} = 0
$$
$$
\tag{$\star$} \sum_{i=1}^n i = \frac{n(n+1)}{2}
$$
$$
\begin{equation}
E = mc^2 \tag{E}\label{eq:corpus-tagged}
\end{equation}
$$
$\text{see }\eqref{eq:corpus-tagged}\text{ and }\ref{eq:corpus-gauss-ll}$
"""#
}
